package io.huracan.domain.retraining;

import io.huracan.domain.signal.LinearModelParameters;

/**
 * Fits the stored linear layout ({@link LinearModelParameters}) on a prefix of the rows: each feature is
 * normalised by the prefix's mean and standard deviation (a constant feature gets 1, so its weight stays 0), the
 * forward return is centred, and the weights come from {@link RidgeRegression} with a penalty of {@code lambda} per row (so its strength does not
 * depend on how many rows there are); the intercept is the mean forward
 * return, so a prediction is {@code mean + sum w_i z_i}.
 */
public final class LinearFitter {
    private final RidgeRegression regression;
    private final double lambda;

    public LinearFitter(RidgeRegression regression, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ridge lambda " + lambda + " is invalid; allowed: a finite number >= 0");
        }
        this.regression = regression;
        this.lambda = lambda;
    }

    /** Fits on rows {@code [0, end)}. */
    public LinearModelParameters fit(TrainingRows rows, int end) {
        if (end < 1) {
            throw new IllegalArgumentException("a fit needs at least one row; got " + end);
        }
        int k = rows.width();
        double[] means = new double[k];
        double[] stdDevs = new double[k];
        double meanReturn = 0;
        for (int r = 0; r < end; r++) {
            for (int c = 0; c < k; c++) {
                means[c] += rows.value(r, c);
            }
            meanReturn += rows.forwardReturnBps(r);
        }
        for (int c = 0; c < k; c++) {
            means[c] /= end;
        }
        meanReturn /= end;
        for (int r = 0; r < end; r++) {
            for (int c = 0; c < k; c++) {
                double d = rows.value(r, c) - means[c];
                stdDevs[c] += d * d;
            }
        }
        for (int c = 0; c < k; c++) {
            double sd = Math.sqrt(stdDevs[c] / end);
            stdDevs[c] = sd > 1e-12 && Double.isFinite(sd) ? sd : 1;
        }
        double[] design = new double[end * k];
        double[] target = new double[end];
        for (int r = 0; r < end; r++) {
            for (int c = 0; c < k; c++) {
                design[r * k + c] = (rows.value(r, c) - means[c]) / stdDevs[c];
            }
            target[r] = rows.forwardReturnBps(r) - meanReturn;
        }
        double[] weights = regression.solve(design, end, k, target, lambda * end);
        return new LinearModelParameters(meanReturn, weights, means, stdDevs);
    }
}
