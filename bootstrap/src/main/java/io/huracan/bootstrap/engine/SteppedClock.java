package io.huracan.bootstrap.engine;

import io.huracan.ports.time.EngineClock;

/**
 * The market clock of a simulated or replayed session: its wall time moves only when the driver steps the
 * market, so everything the engine stamps follows market time; its monotonic reading is the real one, so latency,
 * heartbeats and stall detection still measure real time.
 */
public final class SteppedClock implements EngineClock {
    private final EngineClock real;
    private volatile long epochMicros;

    public SteppedClock(EngineClock real, long startEpochMicros) {
        this.real = real;
        this.epochMicros = startEpochMicros;
    }

    @Override
    public long epochMicros() {
        return epochMicros;
    }

    @Override
    public long monotonicNanos() {
        return real.monotonicNanos();
    }

    /** Moves market time forward to {@code micros}; it never goes back. */
    public void advanceTo(long micros) {
        if (micros < epochMicros) {
            throw new IllegalArgumentException("market time cannot go back from " + epochMicros + " to " + micros);
        }
        epochMicros = micros;
    }
}
