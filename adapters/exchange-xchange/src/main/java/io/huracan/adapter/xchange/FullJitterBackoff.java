package io.huracan.adapter.xchange;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: attempt {@code n} waits a uniformly random time in
 * {@code [0, min(max, base * 2^n)]}, so that many connections dropped together do not all come back at once.
 */
final class FullJitterBackoff {
    private final long baseMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    FullJitterBackoff(Duration base, Duration max, RandomGenerator random) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The wait before attempt {@code attempt} (0 = the first retry), in milliseconds. */
    long delayMillis(int attempt) {
        return random.nextLong(ceilingMillis(attempt) + 1);
    }

    /** The longest wait of attempt {@code attempt}. */
    long ceilingMillis(int attempt) {
        long ceiling = baseMillis;
        for (int i = 0; i < attempt && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, maxMillis);
    }

    long maxMillis() {
        return maxMillis;
    }
}
