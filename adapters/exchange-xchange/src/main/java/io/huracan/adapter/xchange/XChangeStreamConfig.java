package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;

import java.time.Duration;

/**
 * One venue's market-data streams ({@code engine.exchanges.<venue>.stream}): where to connect (empty for the venue's
 * documented endpoint), how many coins one connection carries (at most what the venue allows), how long a connect may
 * take, the reconnect backoff (full jitter from {@code reconnectBackoff} doubling up to {@code reconnectBackoffMax}),
 * how many failed reconnects in a row put the coins DOWN, after how long without a book update a book is stale, and
 * how deep the REST snapshot a book is rebuilt from is.
 */
public record XChangeStreamConfig(
        ExchangeId exchange,
        String url,
        int coinsPerConnection,
        Duration connectTimeout,
        Duration reconnectBackoff,
        Duration reconnectBackoffMax,
        int maxReconnects,
        Duration staleAfter,
        int snapshotDepth) {

    public XChangeStreamConfig {
        if (exchange == null || exchange == ExchangeId.PAPER) {
            throw new IllegalArgumentException("stream venue " + exchange + " is invalid; allowed: binance, okx, bybit");
        }
        String key = "engine.exchanges." + exchange.key() + ".stream.";
        int most = maxCoinsPerConnection(exchange);
        if (url == null || !url.isEmpty() && !url.matches("wss?://[^\\s/]+(:\\d+)?(/\\S*)?")) {
            throw new IllegalArgumentException(key + "url: '" + url
                    + "' is invalid; allowed: empty (the venue's documented endpoint) or ws(s)://host[:port][/path]");
        }
        if (coinsPerConnection < 1 || coinsPerConnection > most) {
            throw new IllegalArgumentException(key + "coins_per_connection: " + coinsPerConnection
                    + " is out of range [1, " + most + "] (" + exchange.key() + "'s streams per connection)");
        }
        positive(key + "connect_timeout", connectTimeout);
        positive(key + "reconnect_backoff", reconnectBackoff);
        positive(key + "reconnect_backoff_max", reconnectBackoffMax);
        if (reconnectBackoffMax.compareTo(reconnectBackoff) < 0) {
            throw new IllegalArgumentException(key + "reconnect_backoff_max: " + reconnectBackoffMax
                    + " is below reconnect_backoff " + reconnectBackoff + "; allowed: >= reconnect_backoff");
        }
        if (maxReconnects < 1 || maxReconnects > 1000) {
            throw new IllegalArgumentException(key + "max_reconnects: " + maxReconnects + " is out of range [1, 1000]");
        }
        positive(key + "stale_after", staleAfter);
        if (snapshotDepth < 1 || snapshotDepth > 5000) {
            throw new IllegalArgumentException(key + "snapshot_depth: " + snapshotDepth + " is out of range [1, 5000]");
        }
    }

    /**
     * The most coins one connection may carry, from the venue's documented stream limit and the streams each coin
     * takes: Binance allows 1024 streams per connection, a coin takes two (depth diffs and trades). Bybit allows an
     * "args" array of 21,000 characters per public connection; a coin's two topics take at most about 75 with a
     * 20-character symbol, so 200 (our bound). OKX documents no channel count, but 480 subscribe requests per
     * connection and hour, and a coin's book takes one on connect and two per resync: 200 (our bound) leaves room
     * for 140 resyncs in a connection's first hour.
     */
    static int maxCoinsPerConnection(ExchangeId exchange) {
        return switch (exchange) {
            case BINANCE -> 512;
            case BYBIT, OKX -> 200;
            case PAPER -> throw new IllegalArgumentException("engine.exchanges.paper.stream.enabled: true is invalid;"
                    + " allowed: streams of binance, okx, bybit");
        };
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": " + value + " is invalid; allowed: a duration > 0");
        }
    }
}
