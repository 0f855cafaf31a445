package io.huracan.testkit.time;

import io.huracan.ports.time.EngineClock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to: tests and backtests set or advance it. {@link #advance} moves both
 * readings; {@link #setEpochMicros} moves the wall clock alone (it may step back, as a real one can), while the
 * monotonic reading never goes back. Thread-safe, so loop threads may read it while a test advances it.
 */
public final class ManualClock implements EngineClock {
    private final AtomicLong epochMicros;
    private final AtomicLong monotonicNanos = new AtomicLong();

    public ManualClock(long startEpochMicros) {
        this.epochMicros = new AtomicLong(startEpochMicros);
    }

    public static ManualClock at(Instant start) {
        return new ManualClock(Math.multiplyExact(start.getEpochSecond(), 1_000_000L) + start.getNano() / 1_000);
    }

    @Override
    public long epochMicros() {
        return epochMicros.get();
    }

    @Override
    public long monotonicNanos() {
        return monotonicNanos.get();
    }

    /** Moves both readings forward; a negative duration is refused. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("advance by " + duration + " is invalid; allowed: a duration >= 0");
        }
        long nanos = duration.toNanos();
        monotonicNanos.addAndGet(nanos);
        epochMicros.addAndGet(nanos / 1_000);
    }

    public void advance(long amount, TimeUnit unit) {
        advance(Duration.ofNanos(unit.toNanos(amount)));
    }

    public void advanceMicros(long micros) {
        advance(Duration.ofNanos(Math.multiplyExact(micros, 1_000L)));
    }

    /** Sets the wall clock only; the monotonic reading is unchanged. */
    public void setEpochMicros(long micros) {
        epochMicros.set(micros);
    }
}
