package io.huracan.adapter.paper;

import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.time.EngineClock;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds paper exchanges; the implementation stays package-private behind the {@link ExchangeGateway} port. */
public final class PaperExchange {
    private PaperExchange() {
    }

    /**
     * A paper exchange with one account per venue the instruments list, matched against the events of
     * {@code feed} (it subscribes to every instrument's coin). {@code clock} stamps orders: an order is matched
     * {@code config.latency()} after its placement, once the feed has reached that time.
     */
    public static ExchangeGateway create(PaperExchangeConfig config, List<Instrument> instruments, MarketDataFeed feed,
                                         EngineClock clock) {
        PaperExchangeGateway gateway = new PaperExchangeGateway(config, instruments, clock);
        Set<Coin> coins = instruments.stream().map(Instrument::coin).collect(Collectors.toSet());
        feed.subscribe(coins, gateway);
        return gateway;
    }
}
