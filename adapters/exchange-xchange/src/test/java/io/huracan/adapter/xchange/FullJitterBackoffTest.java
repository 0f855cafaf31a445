package io.huracan.adapter.xchange;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FullJitterBackoffTest {

    @Test
    void theCeilingDoublesFromTheBaseUpToTheMaximum() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(1));
        assertThat(backoff.ceilingMillis(0)).isEqualTo(500);
        assertThat(backoff.ceilingMillis(1)).isEqualTo(1000);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(16000);
        assertThat(backoff.ceilingMillis(6)).isEqualTo(30000);
        assertThat(backoff.ceilingMillis(1000)).isEqualTo(30000);
    }

    @Property(tries = 200)
    void everyDelayIsWithinZeroAndItsCeiling(@ForAll @IntRange(min = 0, max = 100) int attempt,
                                             @ForAll long seed) {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(20), Duration.ofSeconds(2), new SplittableRandom(seed));
        long delay = backoff.delayMillis(attempt);
        assertThat(delay).isBetween(0L, backoff.ceilingMillis(attempt));
    }

    @Test
    void delaysSpreadOverTheWholeRangeRatherThanClusterAtTheCeiling() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(1000), Duration.ofSeconds(1), new SplittableRandom(3));
        long below = 0;
        for (int i = 0; i < 1000; i++) {
            if (backoff.delayMillis(0) < 500) {
                below++;
            }
        }
        assertThat(below).isBetween(400L, 600L); // uniform on [0, 1000]: about half below the middle
    }
}
