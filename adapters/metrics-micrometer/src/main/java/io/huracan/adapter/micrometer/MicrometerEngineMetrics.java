package io.huracan.adapter.micrometer;

import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.HealthCheck;
import io.huracan.ports.metrics.LatencyRecorder;
import io.huracan.ports.metrics.MetricName;
import io.huracan.ports.metrics.MetricTag;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * EngineMetrics on a Prometheus meter registry. Latencies are timers with a percentile histogram (buckets from
 * 1 µs to 1 s, so Prometheus can compute any quantile across instances); counters and gauges are function meters
 * that read the engine's own counts at scrape time, so they add nothing to the hot path. Micrometer holds a function
 * counter's source weakly, and the engine registers lambdas nothing else references, so they are kept here.
 */
final class MicrometerEngineMetrics implements EngineMetrics {
    private static final Duration MIN_LATENCY = Duration.ofNanos(1_000);
    private static final Duration MAX_LATENCY = Duration.ofSeconds(1);

    private final PrometheusMeterRegistry registry;
    private final List<LongSupplier> counterSources = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, HealthCheck> healthChecks = Collections.synchronizedMap(new LinkedHashMap<>());

    @Inject
    MicrometerEngineMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LatencyRecorder latency(String name, String description, MetricTag... tags) {
        Timer timer = Timer.builder(MetricName.check(name)).description(description).tags(tags(tags))
                .publishPercentileHistogram().minimumExpectedValue(MIN_LATENCY).maximumExpectedValue(MAX_LATENCY)
                .register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void counter(String name, String description, LongSupplier total, MetricTag... tags) {
        FunctionCounter.builder(MetricName.check(name), total, supplier -> supplier.getAsLong())
                .description(description).tags(tags(tags)).register(registry);
        counterSources.add(total);
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, MetricTag... tags) {
        Gauge.builder(MetricName.check(name), value, DoubleSupplier::getAsDouble)
                .description(description).tags(tags(tags)).strongReference(true).register(registry);
    }

    @Override
    public void healthCheck(String component, HealthCheck check) {
        if (healthChecks.putIfAbsent(component, check) != null) {
            throw new IllegalArgumentException("health check " + component + " is registered already");
        }
    }

    /** Every component's health now, in registration order; a check that throws reports its component down. */
    Map<String, ComponentHealth> health() {
        List<Map.Entry<String, HealthCheck>> checks;
        synchronized (healthChecks) {
            checks = new ArrayList<>(healthChecks.entrySet());
        }
        Map<String, ComponentHealth> result = new LinkedHashMap<>();
        for (var entry : checks) {
            ComponentHealth health;
            try {
                health = entry.getValue().check();
            } catch (RuntimeException e) {
                health = ComponentHealth.down("health check failed: " + e);
            }
            result.put(entry.getKey(), health);
        }
        return result;
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }

    private static Tags tags(MetricTag[] tags) {
        List<Tag> list = new ArrayList<>(tags.length);
        for (MetricTag tag : tags) {
            list.add(Tag.of(tag.key().key(), tag.value()));
        }
        return Tags.of(list);
    }
}
