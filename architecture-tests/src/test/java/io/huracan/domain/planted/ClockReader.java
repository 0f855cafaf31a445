package io.huracan.domain.planted;

import java.time.Instant;
import java.util.Random;

/** Planted violation: domain code that reads the system clock and makes unseeded randomness. */
public final class ClockReader {
    public long elapsed() {
        return System.nanoTime() + Instant.now().getEpochSecond() + new Random().nextInt();
    }
}
