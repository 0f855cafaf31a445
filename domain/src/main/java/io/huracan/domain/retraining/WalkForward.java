package io.huracan.domain.retraining;

import java.util.ArrayList;
import java.util.List;

/**
 * Expanding-window walk-forward splits over rows in time order: the rows are cut into {@code folds + 1} blocks of
 * equal count; fold i tests on block i (i = 1..folds) with a model fitted only on rows before it whose label is
 * known before the test block starts ({@code t + horizon <= first test time}), so no training label overlaps the
 * test period (an embargo of one horizon).
 */
public record WalkForward(int folds, long horizonMicros) {
    public WalkForward {
        if (folds < 1) {
            throw new IllegalArgumentException("walk-forward folds " + folds + " is invalid; allowed: an integer >= 1");
        }
        if (horizonMicros < 0) {
            throw new IllegalArgumentException("walk-forward horizon " + horizonMicros + " is invalid; allowed: >= 0");
        }
    }

    /**
     * One fold: fit on rows {@code [0, trainEnd)}, test on rows {@code [testStart, testEnd)}.
     */
    public record Split(int trainEnd, int testStart, int testEnd) {
    }

    /** The splits of {@code rows}; a fold with no training row left after the embargo is left out. */
    public List<Split> splits(TrainingRows rows) {
        int n = rows.size();
        List<Split> splits = new ArrayList<>();
        for (int fold = 1; fold <= folds; fold++) {
            int testStart = (int) ((long) n * fold / (folds + 1));
            int testEnd = (int) ((long) n * (fold + 1) / (folds + 1));
            if (testStart >= testEnd) {
                continue;
            }
            long firstTestTime = rows.timestampMicros(testStart);
            int trainEnd = testStart;
            while (trainEnd > 0 && rows.timestampMicros(trainEnd - 1) > firstTestTime - horizonMicros) {
                trainEnd--;
            }
            if (trainEnd > 0) {
                splits.add(new Split(trainEnd, testStart, testEnd));
            }
        }
        return splits;
    }
}
