package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.MetricTag;
import io.huracan.ports.metrics.TagKey;

import java.time.Clock;
import java.util.Locale;

/**
 * Registers one venue's meters and health check on the engine's metrics, all sampled when the metrics are read:
 * <ul>
 *   <li>{@code huracan.exchange.requests{exchange, outcome}}: requests by outcome, ok / rejected (the venue refused
 *   them) / error (failed at the venue or in transit) / not_sent (held back by the rate budget, a pause, a ban or
 *   the open breaker);</li>
 *   <li>{@code huracan.exchange.errors{exchange, reason}}: failures by class, retryable / rejected / fatal;</li>
 *   <li>{@code huracan.exchange.rate_limit_headroom{exchange}}: the share of the tightest rate window still free;</li>
 *   <li>{@code huracan.exchange.banned{exchange}}: 1 while the venue has banned us;</li>
 *   <li>{@code huracan.exchange.breaker_state{exchange}}: 0 closed, 1 half open, 2 open;</li>
 *   <li>health check {@code exchange-<venue>}: up while the breaker is closed and the venue has not paused us.</li>
 * </ul>
 */
final class ExchangeMeters {
    private ExchangeMeters() {
    }

    static void register(EngineMetrics metrics, VenueConnection venue, Clock clock) {
        String key = venue.client().exchange().key();
        MetricTag exchange = MetricTag.of(TagKey.EXCHANGE, key);
        RequestCounters counters = venue.client().calls().counters();
        RequestBudget budget = venue.client().calls().budget();
        for (RequestCounters.Outcome outcome : RequestCounters.Outcome.values()) {
            metrics.counter("huracan.exchange.requests", "Requests to the exchange by outcome",
                    () -> counters.count(outcome), exchange, MetricTag.of(TagKey.OUTCOME, outcome.key()));
        }
        for (ExchangeErrorClass errorClass : ExchangeErrorClass.values()) {
            metrics.counter("huracan.exchange.errors", "Failed exchange requests by error class",
                    () -> counters.errors(errorClass), exchange,
                    MetricTag.of(TagKey.REASON, errorClass.name().toLowerCase(Locale.ROOT)));
        }
        metrics.gauge("huracan.exchange.rate_limit_headroom", "Share of the tightest rate-limit window still free",
                budget::headroom, exchange);
        metrics.gauge("huracan.exchange.banned", "1 while the exchange has banned this engine's IP or key",
                () -> budget.isBanned() ? 1 : 0, exchange);
        metrics.gauge("huracan.exchange.breaker_state", "Circuit breaker of the exchange: 0 closed, 1 half open, 2 open",
                () -> venue.health().breaker().ordinal(), exchange);
        metrics.healthCheck("exchange-" + key, () -> {
            VenueHealth health = venue.health();
            String reason = health.describe(clock.instant());
            return health.healthy(clock.instant()) ? ComponentHealth.up(reason) : ComponentHealth.down(reason);
        });
    }
}
