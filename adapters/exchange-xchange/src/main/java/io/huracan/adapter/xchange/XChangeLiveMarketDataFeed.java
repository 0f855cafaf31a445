package io.huracan.adapter.xchange;

import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.ports.metrics.EngineMetrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * The live venues' streams behind the market-data port: a subscription streams each of its coins on every venue that
 * lists it. Coins stay streamed when a subscription closes (only delivery stops): a coin that comes back, as a
 * cluster member's coins do, finds its book live.
 */
final class XChangeLiveMarketDataFeed implements LiveMarketDataFeed, ManagedService {
    /** One venue's REST side (for its listings) and its streams. */
    record VenueStreams(VenueConnection venue, StreamSupervisor supervisor) {
    }

    private final List<VenueStreams> venues;

    XChangeLiveMarketDataFeed(List<VenueStreams> venues) {
        this.venues = List.copyOf(venues);
    }

    /** The streams of the gateway's venues, each venue's meters registered. */
    static XChangeLiveMarketDataFeed create(XChangeExchangeGateway gateway, List<XChangeStreamConfig> configs, Clock clock,
                                            EngineMetrics metrics) {
        List<VenueStreams> venues = new ArrayList<>();
        for (XChangeStreamConfig config : configs) {
            VenueConnection venue = gateway.venue(config.exchange());
            StreamSupervisor supervisor = new StreamSupervisor(streamVenue(venue, config), config, clock,
                    RandomGenerator.getDefault());
            StreamMeters.register(metrics, supervisor, config.exchange().key());
            venues.add(new VenueStreams(venue, supervisor));
        }
        return new XChangeLiveMarketDataFeed(venues);
    }

    private static StreamVenue streamVenue(VenueConnection venue, XChangeStreamConfig config) {
        return switch (config.exchange()) {
            case BINANCE -> new BinanceStreamVenue((BinanceClient) venue.client(), config);
            case BYBIT -> new BybitStreamVenue((BybitClient) venue.client(), config);
            case OKX -> new OkxStreamVenue((OkxClient) venue.client(), config);
            case PAPER -> throw new IllegalStateException("paper has no streams (XChangeStreamConfig refuses it)");
        };
    }

    @Override
    public Subscription subscribe(Set<Coin> coins, MarketDataListener listener) {
        List<CoinStream> streams = new ArrayList<>();
        for (VenueStreams venue : venues) {
            List<Coin> listed = coins.stream().sorted().filter(coin -> venue.venue().instrument(coin).isPresent()).toList();
            streams.addAll(venue.supervisor().add(listed));
        }
        streams.forEach(stream -> stream.addListener(listener));
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                streams.forEach(stream -> stream.removeListener(listener));
            }
        };
    }

    @Override
    public List<SymbolStreamStatus> status(Coin coin) {
        List<SymbolStreamStatus> statuses = new ArrayList<>();
        venues.forEach(venue -> venue.supervisor().status(coin).ifPresent(statuses::add));
        return statuses;
    }

    @Override
    public List<SymbolStreamStatus> statuses() {
        List<SymbolStreamStatus> statuses = new ArrayList<>();
        venues.forEach(venue -> statuses.addAll(venue.supervisor().statuses()));
        return statuses;
    }

    @Override
    public String name() {
        return "market-streams[xchange]";
    }

    /** Nothing to start: a venue connects when a coin it lists is subscribed. */
    @Override
    public void start() {
    }

    @Override
    public void stop() {
        venues.forEach(venue -> venue.supervisor().close());
    }
}
