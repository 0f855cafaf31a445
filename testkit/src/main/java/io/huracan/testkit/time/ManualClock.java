package io.huracan.testkit.time;

import io.huracan.ports.time.EngineClock;

import java.util.concurrent.TimeUnit;

/**
 * A clock that moves only when told: tests and backtests set or advance it. Both readings move together when
 * advanced; {@link #setEpochMicros} and {@link #setMonotonicNanos} set one without the other.
 */
public final class ManualClock implements EngineClock {
    private volatile long epochMicros;
    private volatile long monotonicNanos;

    public ManualClock(long epochMicros) {
        this.epochMicros = epochMicros;
    }

    @Override
    public long epochMicros() {
        return epochMicros;
    }

    @Override
    public long monotonicNanos() {
        return monotonicNanos;
    }

    public synchronized void setEpochMicros(long epochMicros) {
        this.epochMicros = epochMicros;
    }

    public synchronized void setMonotonicNanos(long monotonicNanos) {
        this.monotonicNanos = monotonicNanos;
    }

    /** Moves both readings forward by {@code amount}; a negative amount is refused. */
    public synchronized void advance(long amount, TimeUnit unit) {
        if (amount < 0) {
            throw new IllegalArgumentException("advance by " + amount + " " + unit + " is invalid; allowed: >= 0");
        }
        epochMicros += unit.toMicros(amount);
        monotonicNanos += unit.toNanos(amount);
    }

    public void advanceMicros(long micros) {
        advance(micros, TimeUnit.MICROSECONDS);
    }
}
