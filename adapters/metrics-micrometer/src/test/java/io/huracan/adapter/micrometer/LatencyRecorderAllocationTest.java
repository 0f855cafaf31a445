package io.huracan.adapter.micrometer;

import io.huracan.ports.metrics.LatencyRecorder;
import io.huracan.ports.metrics.MetricTag;
import io.huracan.ports.metrics.TagKey;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The one meter on the loops' hot path must not allocate per recording once warm (DESIGN.md section 7). */
class LatencyRecorderAllocationTest {

    @Test
    void recordingALatencyAllocatesNothingOnceWarm() {
        var metrics = new MicrometerEngineMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        LatencyRecorder recorder = metrics.latency("huracan.pipeline.decision_latency", "test",
                MetricTag.of(TagKey.OUTCOME, "intent"));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        record(recorder, 200_000); // warm up: let the JIT compile the path
        long before = threads.getThreadAllocatedBytes(thread);
        record(recorder, 1_000_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // a few hundred bytes of noise at most (the allocation counter itself), never one object per recording
        assertThat(allocated).as("bytes allocated by 1,000,000 recordings").isLessThan(16_000);
    }

    private static void record(LatencyRecorder recorder, int count) {
        for (int i = 0; i < count; i++) {
            recorder.recordNanos(1_000 + (i & 0xFFFF) * 37L);
        }
    }
}
