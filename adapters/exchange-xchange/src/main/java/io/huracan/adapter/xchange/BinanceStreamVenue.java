package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;

import java.time.Duration;
import java.util.List;

/**
 * Binance spot's streams for the supervisor: combined-stream connections ({@link BinanceStreamConnection}) at the
 * configured URL or {@code wss://stream.binance.com:9443/}, each connect charged to the venue's request budget in a
 * window of 300 per 5 minutes (Binance's documented connection limit per IP), books rebuilt from REST depth
 * snapshots charged as the gateway charges them, and Binance's book sequence rule.
 */
final class BinanceStreamVenue implements StreamVenue {
    static final String DOCUMENTED_URL = "wss://stream.binance.com:9443/";
    static final String CONNECTIONS = "websocket connections";

    private final BinanceClient client;
    private final XChangeStreamConfig config;
    private final RateWindow connections;

    BinanceStreamVenue(BinanceClient client, XChangeStreamConfig config) {
        this.client = client;
        this.config = config;
        this.connections = client.calls().budget().window(CONNECTIONS, 300, Duration.ofMinutes(5),
                RateWindow.Counting.SLIDING);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BINANCE;
    }

    @Override
    public RequestBudget budget() {
        return client.calls().budget();
    }

    /** The streams are named in the URL: opening it is the only message, so only the connect is charged. */
    @Override
    public List<RequestBudget.Charge> connectCharges(int coins) {
        return List.of(new RequestBudget.Charge(connections, 1));
    }

    @Override
    public BookSequence sequence() {
        return new BinanceBookSequence();
    }

    @Override
    public StreamConnection open(List<Coin> coins, StreamSink sink, Duration timeout) throws Exception {
        String base = config.url().isEmpty() ? DOCUMENTED_URL : config.url().endsWith("/") ? config.url() : config.url() + "/";
        return BinanceStreamConnection.open(base, coins, client, config.snapshotDepth(), sink, timeout);
    }
}
