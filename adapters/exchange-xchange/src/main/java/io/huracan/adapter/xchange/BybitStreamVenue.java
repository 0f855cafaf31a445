package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Bybit v5 public streams for the supervisor: connections ({@link BybitStreamConnection}) at the configured URL or
 * {@code wss://stream.bybit.com/v5/public/<category>} (spot, or linear for perpetuals), each connect charged to the
 * venue's request budget in a window of 500 per 5 minutes (Bybit: "do not build over 500 connections in 5 minutes",
 * per websocket domain), books rebuilt by subscribing again, and Bybit's update id rule.
 */
final class BybitStreamVenue implements StreamVenue {
    static final String DOCUMENTED_URL = "wss://stream.bybit.com/v5/public/";
    static final Duration PING_EVERY = Duration.ofSeconds(20);
    static final String CONNECTIONS = "websocket connections";

    private final BybitClient client;
    private final URI uri;
    private final Duration pingEvery;
    private final RateWindow connections;

    BybitStreamVenue(BybitClient client, XChangeStreamConfig config) {
        this(client, config, PING_EVERY);
    }

    /** With another ping interval than Bybit's 20 s (a test that sees the pings). */
    BybitStreamVenue(BybitClient client, XChangeStreamConfig config, Duration pingEvery) {
        this.client = client;
        this.uri = URI.create(config.url().isEmpty() ? DOCUMENTED_URL + client.category() : config.url());
        this.pingEvery = pingEvery;
        this.connections = client.calls().budget().window(CONNECTIONS, 500, Duration.ofMinutes(5),
                RateWindow.Counting.SLIDING);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BYBIT;
    }

    @Override
    public RequestBudget budget() {
        return client.calls().budget();
    }

    /** Bybit documents no rate for subscribe requests, only the connects: one permit of that window. */
    @Override
    public List<RequestBudget.Charge> connectCharges(int coins) {
        return List.of(new RequestBudget.Charge(connections, 1));
    }

    @Override
    public BookSequence sequence() {
        return new BybitBookSequence();
    }

    @Override
    public StreamConnection open(List<Coin> coins, StreamSink sink, Duration timeout) throws Exception {
        return BybitStreamConnection.open(uri, coins, client, sink, timeout, pingEvery);
    }
}
