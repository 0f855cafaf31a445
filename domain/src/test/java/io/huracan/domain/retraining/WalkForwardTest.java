package io.huracan.domain.retraining;

import io.huracan.ports.feature.Feature;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WalkForwardTest {

    @Test
    void tenRowsOneMinuteApartInFourFoldsWithATwoMinuteHorizon() {
        TrainingRows rows = rows(0, 60_000_000L, 60_000_000L, 60_000_000L, 60_000_000L, 60_000_000L, 60_000_000L,
                60_000_000L, 60_000_000L, 60_000_000L);

        // blocks of 10 rows into 5: [0,2) [2,4) [4,6) [6,8) [8,10); training rows end 2 minutes before each test block
        assertThat(new WalkForward(4, 120_000_000L).splits(rows)).containsExactly(
                new WalkForward.Split(1, 2, 4), new WalkForward.Split(3, 4, 6),
                new WalkForward.Split(5, 6, 8), new WalkForward.Split(7, 8, 10));
    }

    @Property(tries = 300)
    void neverTrainsOnATestRowNorOnALabelThatReachesIntoTheTestBlock(
            @ForAll @IntRange(min = 1, max = 400) int size, @ForAll @IntRange(min = 1, max = 8) int folds,
            @ForAll @LongRange(min = 0, max = 10_000) long horizon, @ForAll long seed) {
        var random = new Random(seed);
        long[] gaps = new long[size];
        for (int i = 1; i < size; i++) {
            gaps[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(3_000);
        }
        TrainingRows rows = rows(gaps);

        List<WalkForward.Split> splits = new WalkForward(folds, horizon).splits(rows);

        int previousTestEnd = 0;
        for (WalkForward.Split split : splits) {
            assertThat(split.trainEnd()).isPositive().isLessThanOrEqualTo(split.testStart());
            assertThat(split.testStart()).isGreaterThanOrEqualTo(previousTestEnd);
            long firstTest = rows.timestampMicros(split.testStart());
            for (int r = 0; r < split.trainEnd(); r++) {
                assertThat(rows.timestampMicros(r) + horizon).isLessThanOrEqualTo(firstTest);
            }
            previousTestEnd = split.testEnd();
        }
    }

    /** Rows whose timestamps advance by the given gaps (the first is the start), with one zero feature. */
    static TrainingRows rows(long... gaps) {
        long[] times = new long[gaps.length];
        long t = 0;
        for (int i = 0; i < gaps.length; i++) {
            t += gaps[i];
            times[i] = t;
        }
        double[] zeros = new double[gaps.length];
        return new TrainingRows(List.of(Feature.RETURN_1M), times, zeros.clone(), zeros.clone(), zeros.clone());
    }
}
