package io.huracan.ports.risk;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;

import java.util.Map;

/** The shared exposure totals of a cluster at one moment, in the writers' fixed-point units (zeros left out). */
public record SharedTotals(Map<Coin, Long> coins, Map<Sector, Long> sectors, Map<ExchangeId, Long> exchanges,
                           long globalGross, long netLong, long netShort, long openTrades) {
    public SharedTotals {
        coins = Map.copyOf(coins);
        sectors = Map.copyOf(sectors);
        exchanges = Map.copyOf(exchanges);
    }
}
