package io.huracan.bootstrap;

import io.huracan.ports.time.EngineClock;

import java.time.Instant;

/** The live engine's clock: the system's wall clock and monotonic timer. */
public final class SystemEngineClock implements EngineClock {
    @Override
    public long epochMicros() {
        Instant now = Instant.now();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000L);
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }
}
