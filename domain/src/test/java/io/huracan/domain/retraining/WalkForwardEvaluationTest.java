package io.huracan.domain.retraining;

import io.huracan.domain.cost.FeeSchedule;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.registry.ModelMetrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WalkForwardEvaluationTest {
    /** Rows the solver was handed, per call; one column, solved in closed form (beta = x'y / (x'x + lambda)). */
    private final List<Integer> solvedRows = new ArrayList<>();
    private final RidgeRegression oneColumn = (design, rows, columns, target, lambda) -> {
        solvedRows.add(rows);
        double xy = 0;
        double xx = 0;
        for (int r = 0; r < rows; r++) {
            xy += design[r] * target[r];
            xx += design[r] * design[r];
        }
        return new double[] {xy / (xx + lambda)};
    };

    @Test
    void fitsOnTheTrainingBlockOnlyAndTradesTheTestBlockAfterFeesAndSpread() {
        // forward return = 2 x exactly; one fold: train on rows 0-4, test on rows 5-9
        double[] x = {1, 2, 3, 4, 5, 10, -20, 1, 30, -2};
        double[] y = new double[x.length];
        double[] spreads = new double[x.length];
        long[] times = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i];
            spreads[i] = 2;
            times[i] = i * 60_000_000L;
        }
        var rows = new TrainingRows(List.of(Feature.RETURN_1M), times, x, y, spreads);
        var evaluation = new WalkForwardEvaluation(new LinearFitter(oneColumn, 0), new WalkForward(1, 0),
                new TradeCosts(new FeeSchedule("default", 2, 5, 0), true), 3);

        WalkForwardEvaluation.Result result = evaluation.evaluate(rows);

        assertThat(solvedRows).containsExactly(5);
        assertThat(result.testRows()).isEqualTo(5);
        // predictions 20, -40, 2, 60, -4; |2| is below the 3 bps threshold; round trip 2 x 5 + 2 = 12 bps
        // returns 20 - 12 = 8, 40 - 12 = 28, 60 - 12 = 48, 4 - 12 = -8
        ModelMetrics metrics = result.metrics();
        assertThat(metrics.tradeCount()).isEqualTo(4);
        assertThat(metrics.meanEdgeAfterCostBps()).isCloseTo(19, within(1e-9));
        assertThat(metrics.winRate()).isEqualTo(0.75);
    }

    @Test
    void aLongerHorizonEmbargoesTheTrainingRowsWhoseLabelsReachTheTestBlock() {
        double[] zeros = new double[10];
        long[] times = new long[10];
        for (int i = 0; i < 10; i++) {
            times[i] = i * 60_000_000L;
        }
        var rows = new TrainingRows(List.of(Feature.RETURN_1M), times, zeros, zeros, zeros);
        var evaluation = new WalkForwardEvaluation(new LinearFitter(oneColumn, 0), new WalkForward(1, 180_000_000L),
                new TradeCosts(new FeeSchedule("default", 2, 5, 0), true), 3);

        evaluation.evaluate(rows);

        // test starts at minute 5; rows at minutes 3 and 4 have labels ending after it
        assertThat(solvedRows).containsExactly(3);
    }
}
