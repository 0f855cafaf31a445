package io.huracan.ports.metrics;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The engine's meters and health checks, behind which a metrics technology (Micrometer) sits. Everything is
 * registered once, at wiring time, with its name and bounded tags; the hot path only calls a pre-registered
 * {@link LatencyRecorder}, and everything else is sampled when the metrics are read (counters and gauges read
 * the counts the engine keeps anyway). Names are {@code huracan.<area>.<what>}, in base units (seconds, quote
 * currency, ratios); tags come from {@link TagKey}, never ids.
 */
public interface EngineMetrics {

    /** Metrics switched off: every registration is accepted and ignored. */
    EngineMetrics NONE = new EngineMetrics() {
        @Override
        public LatencyRecorder latency(String name, String description, MetricTag... tags) {
            MetricName.check(name);
            return nanos -> { };
        }

        @Override
        public void counter(String name, String description, LongSupplier total, MetricTag... tags) {
            MetricName.check(name);
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value, MetricTag... tags) {
            MetricName.check(name);
        }

        @Override
        public void healthCheck(String component, HealthCheck check) {
        }
    };

    /** A latency distribution with percentiles (a histogram), recorded in nanoseconds on the hot path. */
    LatencyRecorder latency(String name, String description, MetricTag... tags);

    /** A monotonic count read from {@code total} whenever the metrics are sampled. */
    void counter(String name, String description, LongSupplier total, MetricTag... tags);

    /** A value that goes up and down, read from {@code value} whenever the metrics are sampled. */
    void gauge(String name, String description, DoubleSupplier value, MetricTag... tags);

    /** A component whose readiness the health endpoint reports; {@code component} is a short stable name. */
    void healthCheck(String component, HealthCheck check);
}
