package io.huracan.adapter.paper;

import io.huracan.ports.config.InvalidConfigException;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.market.ExchangeId;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static io.huracan.ports.config.ConfigChecks.inClosedRange;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * The paper exchange's settings ({@code engine.exchanges.paper}; fees come from {@code engine.cost_model.fees}).
 *
 * @param startingBalance quote cash of the whole paper book, split equally over the venue accounts
 * @param latency         delay on the driving clock between placing an order and the venue matching it
 * @param leverage        perpetual accounts: initial margin is notional / leverage
 * @param depthLevels     price levels the paper venue synthesises behind each simulated book top
 * @param fees            the fee tier charged on each venue the universe lists (binance, okx, bybit, paper)
 * @param market          the simulator that feeds the venues, seed included
 */
public record PaperExchangeConfig(
        BigDecimal startingBalance,
        Duration latency,
        int leverage,
        int depthLevels,
        Map<ExchangeId, FeeTier> fees,
        MarketSimulatorConfig market) {

    public PaperExchangeConfig {
        required("starting_balance", startingBalance);
        positive("starting_balance", startingBalance.doubleValue());
        required("latency", latency);
        if (latency.isNegative()) {
            throw new InvalidConfigException("latency", latency + " is invalid; allowed: a duration >= 0");
        }
        inClosedRange("leverage", leverage, 1, 125);
        inClosedRange("depth_levels", depthLevels, 1, 1000);
        required("fees", fees);
        fees = Map.copyOf(fees);
        required("market", market);
    }

    /** The fee tier of a venue; a venue without one is refused when the exchange is built. */
    FeeTier feeTier(ExchangeId venue) {
        FeeTier tier = fees.get(venue);
        if (tier == null) {
            throw new InvalidConfigException("fees." + venue.key(), "is missing; every venue the universe lists needs "
                    + "a fee tier (engine.cost_model.fees)");
        }
        return tier;
    }

    /** 1,000,000 quote, 5 ms latency, 3x leverage, 10 levels, the documented VIP0 fees, {@link MarketSimulatorConfig#defaults}. */
    public static PaperExchangeConfig defaults(long seed) {
        return new PaperExchangeConfig(BigDecimal.valueOf(1_000_000), Duration.ofMillis(5), 3, 10, Map.of(
                ExchangeId.PAPER, new FeeTier("default", 2, 5),
                ExchangeId.BINANCE, new FeeTier("VIP0", 10, 10),
                ExchangeId.OKX, new FeeTier("Lv1", 8, 10),
                ExchangeId.BYBIT, new FeeTier("VIP0", 10, 10)), MarketSimulatorConfig.defaults(seed));
    }
}
