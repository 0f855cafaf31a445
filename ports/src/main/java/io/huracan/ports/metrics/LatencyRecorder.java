package io.huracan.ports.metrics;

/** A pre-registered latency histogram; {@link #recordNanos} must not allocate, it is called on loop threads. */
@FunctionalInterface
public interface LatencyRecorder {
    void recordNanos(long nanos);
}
