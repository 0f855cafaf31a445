package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * OKX v5 public streams for the supervisor: connections ({@link OkxStreamConnection}) at the configured URL or
 * {@code wss://ws.okx.com:8443/ws/v5/public} (spot and swaps alike), each connect charged to the venue's request
 * budget in a window of 3 per second (OKX's documented connection limit per IP), books rebuilt by subscribing again
 * (charged per connection inside it), and OKX's seqId/prevSeqId rule.
 */
final class OkxStreamVenue implements StreamVenue {
    static final String DOCUMENTED_URL = "wss://ws.okx.com:8443/ws/v5/public";
    /** Below OKX's 30 s: a ping after this long without a message. */
    static final Duration PING_AFTER = Duration.ofSeconds(20);
    static final String CONNECTIONS = "websocket connections";

    private final OkxClient client;
    private final URI uri;
    private final Duration pingAfter;
    private final RateWindow connections;

    OkxStreamVenue(OkxClient client, XChangeStreamConfig config) {
        this(client, config, PING_AFTER);
    }

    /** With another idle time before a ping than our 20 s (a test that sees the pings). */
    OkxStreamVenue(OkxClient client, XChangeStreamConfig config, Duration pingAfter) {
        this.client = client;
        this.uri = URI.create(config.url().isEmpty() ? DOCUMENTED_URL : config.url());
        this.pingAfter = pingAfter;
        this.connections = client.calls().budget().window(CONNECTIONS, 3, Duration.ofSeconds(1), RateWindow.Counting.SLIDING);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.OKX;
    }

    @Override
    public RequestBudget budget() {
        return client.calls().budget();
    }

    /** The connect only: its subscribe requests count per connection, in the connection's own window. */
    @Override
    public List<RequestBudget.Charge> connectCharges(int coins) {
        return List.of(new RequestBudget.Charge(connections, 1));
    }

    @Override
    public BookSequence sequence() {
        return new OkxBookSequence();
    }

    @Override
    public StreamConnection open(List<Coin> coins, StreamSink sink, Duration timeout) throws Exception {
        return OkxStreamConnection.open(uri, coins, client, sink, timeout, pingAfter);
    }
}
