package io.huracan.bootstrap.engine;

import java.time.Duration;

/**
 * When the pipeline re-ranks the coins by edge after cost: first once every coin has been evaluated once, then every
 * interval. Both drivers follow it, the simulated one in market time and the live one in real time. Read and moved by
 * the driver's thread only.
 */
final class RerankSchedule {
    private final long firstMicros;
    private final long intervalMicros;
    private long nextMicros = Long.MAX_VALUE;

    RerankSchedule(Duration first, Duration interval) {
        this.firstMicros = first.toNanos() / 1_000;
        this.intervalMicros = interval.toNanos() / 1_000;
    }

    /** The session starts at {@code nowMicros}. */
    void begin(long nowMicros) {
        nextMicros = nowMicros + firstMicros;
    }

    /** True when a rerank is due at {@code nowMicros}; the next one is then due an interval later. */
    boolean due(long nowMicros) {
        if (nowMicros < nextMicros) {
            return false;
        }
        nextMicros = nowMicros + intervalMicros;
        return true;
    }

    long nextMicros() {
        return nextMicros;
    }
}
