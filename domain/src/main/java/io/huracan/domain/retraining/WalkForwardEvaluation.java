package io.huracan.domain.retraining;

import io.huracan.domain.signal.LinearModelParameters;
import io.huracan.ports.registry.ModelMetrics;

/**
 * Evaluates the fitting procedure out of sample: for every {@link WalkForward} fold it fits on the fold's training
 * prefix only and trades the test rows, going long when the prediction exceeds {@code thresholdBps} and short when
 * it is below minus that, earning the signed forward return minus the round-trip cost.
 */
public final class WalkForwardEvaluation {
    private final LinearFitter fitter;
    private final WalkForward walkForward;
    private final TradeCosts costs;
    private final double thresholdBps;

    public WalkForwardEvaluation(LinearFitter fitter, WalkForward walkForward, TradeCosts costs, double thresholdBps) {
        if (!(thresholdBps >= 0)) {
            throw new IllegalArgumentException("trade threshold " + thresholdBps + " bps is invalid; allowed: >= 0");
        }
        this.fitter = fitter;
        this.walkForward = walkForward;
        this.costs = costs;
        this.thresholdBps = thresholdBps;
    }

    /** The out-of-sample result: metrics of every simulated trade and how many rows were predicted. */
    public record Result(ModelMetrics metrics, int testRows) {
    }

    public Result evaluate(TrainingRows rows) {
        var metrics = new MetricsAccumulator();
        int testRows = 0;
        for (WalkForward.Split split : walkForward.splits(rows)) {
            LinearModelParameters model = fitter.fit(rows, split.trainEnd());
            double[] weights = model.weights();
            double[] means = model.means();
            double[] stdDevs = model.stdDevs();
            for (int r = split.testStart(); r < split.testEnd(); r++) {
                double prediction = model.intercept();
                for (int c = 0; c < weights.length; c++) {
                    prediction += weights[c] * (rows.value(r, c) - means[c]) / stdDevs[c];
                }
                if (Math.abs(prediction) > thresholdBps) {
                    double gross = Math.signum(prediction) * rows.forwardReturnBps(r);
                    metrics.add(gross - costs.roundTripBps(rows.spreadBps(r)));
                }
            }
            testRows += split.testEnd() - split.testStart();
        }
        return new Result(metrics.metrics(), testRows);
    }
}
