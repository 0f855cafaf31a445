package io.huracan.bootstrap.config;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.exchanges.<venue>.stream}: the venue's market-data websockets (docs/exchange-streams.md). Off by
 * default; when enabled, the values are checked against the venue's limits by the adapter's
 * {@code XChangeStreamConfig}, which names the key of a bad one.
 */
public record StreamSection(
        boolean enabled,
        String url,
        int coinsPerConnection,
        Duration connectTimeout,
        Duration reconnectBackoff,
        Duration reconnectBackoffMax,
        int maxReconnects,
        Duration staleAfter,
        int snapshotDepth) {

    public StreamSection {
        required("url", url);
        required("connect_timeout", connectTimeout);
        required("reconnect_backoff", reconnectBackoff);
        required("reconnect_backoff_max", reconnectBackoffMax);
        required("stale_after", staleAfter);
    }
}
