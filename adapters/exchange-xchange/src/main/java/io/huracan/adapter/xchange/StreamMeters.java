package io.huracan.adapter.xchange;

import io.huracan.ports.market.StreamState;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.MetricTag;
import io.huracan.ports.metrics.TagKey;

/**
 * Registers one venue's stream meters and health check, all sampled when the metrics are read:
 * <ul>
 *   <li>{@code huracan.exchange.stream.messages{exchange}}: book and trade messages received;</li>
 *   <li>{@code huracan.exchange.stream.reconnects{exchange, reason}}: connections opened again, by why: closed (by
 *   the other side), error, connect_failed (the attempt before failed), silent (no book update on it);</li>
 *   <li>{@code huracan.exchange.stream.gaps{exchange}}: sequence gaps found in book diffs;</li>
 *   <li>{@code huracan.exchange.stream.resyncs{exchange, reason}}: books rebuilt after they were live, by why: gap,
 *   stale, reconnect, snapshot_behind, crossed;</li>
 *   <li>{@code huracan.exchange.stream.stale{exchange}}: live books found without an update for stale_after;</li>
 *   <li>{@code huracan.exchange.stream.refused{exchange}}: connects and snapshots the request budget held back
 *   (each retried later);</li>
 *   <li>{@code huracan.exchange.stream.live{exchange}}: coins whose book is live now;</li>
 *   <li>{@code huracan.exchange.stream.down{exchange}}: coins the supervisor gave up on (DOWN) until a reconnect
 *   succeeds; the alert rules watch it;</li>
 *   <li>health check {@code exchange-<venue>-stream}: down while a coin is DOWN or no coin is live.</li>
 * </ul>
 */
final class StreamMeters {
    private StreamMeters() {
    }

    static void register(EngineMetrics metrics, StreamSupervisor supervisor, String venue) {
        MetricTag exchange = MetricTag.of(TagKey.EXCHANGE, venue);
        StreamCounters counters = supervisor.counters();
        metrics.counter("huracan.exchange.stream.messages", "Stream messages received (book updates and trades)",
                counters::messageCount, exchange);
        for (StreamCounters.Reconnect reason : StreamCounters.Reconnect.values()) {
            metrics.counter("huracan.exchange.stream.reconnects", "Stream connections opened again, by reason",
                    () -> counters.reconnectCount(reason), exchange, MetricTag.of(TagKey.REASON, reason.key()));
        }
        metrics.counter("huracan.exchange.stream.gaps", "Sequence gaps detected in book diffs", counters::gapCount,
                exchange);
        for (StreamCounters.Resync reason : StreamCounters.Resync.values()) {
            metrics.counter("huracan.exchange.stream.resyncs", "Books rebuilt from a snapshot after they were live",
                    () -> counters.resyncCount(reason), exchange, MetricTag.of(TagKey.REASON, reason.key()));
        }
        metrics.counter("huracan.exchange.stream.stale", "Live books without an update for stale_after",
                counters::staleCount, exchange);
        metrics.counter("huracan.exchange.stream.refused", "Stream connects and snapshots held back by the request budget",
                counters::refusedCount, exchange);
        metrics.gauge("huracan.exchange.stream.live", "Coins whose book is live", () -> supervisor.count(StreamState.LIVE),
                exchange);
        metrics.gauge("huracan.exchange.stream.down", "Coins whose stream is down after max_reconnects failures",
                () -> supervisor.count(StreamState.DOWN), exchange);
        metrics.healthCheck("exchange-" + venue + "-stream", supervisor::health);
    }
}
