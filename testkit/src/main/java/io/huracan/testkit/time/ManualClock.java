package io.huracan.testkit.time;

import io.huracan.ports.time.EngineClock;

import java.time.Duration;
import java.time.Instant;

/** An {@link EngineClock} that moves only when a test says so; both readings advance together. */
public final class ManualClock implements EngineClock {
    private volatile long epochMicros;
    private volatile long monotonicNanos;

    public ManualClock(Instant start) {
        this.epochMicros = start.getEpochSecond() * 1_000_000L + start.getNano() / 1000;
    }

    @Override
    public long epochMicros() {
        return epochMicros;
    }

    @Override
    public long monotonicNanos() {
        return monotonicNanos;
    }

    public synchronized void advance(Duration duration) {
        long nanos = duration.toNanos();
        epochMicros += nanos / 1000;
        monotonicNanos += nanos;
    }
}
