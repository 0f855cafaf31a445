package io.huracan.domain.signal;

import java.util.Arrays;

/**
 * The stored form of a {@code linear} model over k features: prediction in bps =
 * {@code intercept + sum_i weights[i] * (x[i] - means[i]) / stdDevs[i]}. In a model version's parameter array it is
 * laid out as {@code [intercept, weights(k), means(k), stdDevs(k)]}, length {@code 1 + 3k}; the means and standard
 * deviations are the training set's, so live features are normalised exactly as in training.
 */
public record LinearModelParameters(double intercept, double[] weights, double[] means, double[] stdDevs) {
    public static final String KIND = "linear";

    public LinearModelParameters {
        weights = weights.clone();
        means = means.clone();
        stdDevs = stdDevs.clone();
        if (weights.length == 0 || means.length != weights.length || stdDevs.length != weights.length) {
            throw new IllegalArgumentException("linear model needs as many weights, means and std devs as features; got "
                    + weights.length + ", " + means.length + ", " + stdDevs.length);
        }
        for (double stdDev : stdDevs) {
            if (!(stdDev > 0) || Double.isInfinite(stdDev)) {
                throw new IllegalArgumentException("linear model std dev " + stdDev + " is invalid; allowed: a finite number > 0");
            }
        }
    }

    /** Reads the layout above for a model over {@code featureCount} features. */
    public static LinearModelParameters fromArray(double[] parameters, int featureCount) {
        int expected = 1 + 3 * featureCount;
        if (parameters.length != expected) {
            throw new IllegalArgumentException("linear model over " + featureCount + " features needs " + expected
                    + " parameters [intercept, weights, means, std devs]; got " + parameters.length);
        }
        return new LinearModelParameters(parameters[0],
                Arrays.copyOfRange(parameters, 1, 1 + featureCount),
                Arrays.copyOfRange(parameters, 1 + featureCount, 1 + 2 * featureCount),
                Arrays.copyOfRange(parameters, 1 + 2 * featureCount, expected));
    }

    public double[] toArray() {
        int k = weights.length;
        double[] array = new double[1 + 3 * k];
        array[0] = intercept;
        System.arraycopy(weights, 0, array, 1, k);
        System.arraycopy(means, 0, array, 1 + k, k);
        System.arraycopy(stdDevs, 0, array, 1 + 2 * k, k);
        return array;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] stdDevs() {
        return stdDevs.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearModelParameters that && Double.compare(intercept, that.intercept) == 0
                && Arrays.equals(weights, that.weights) && Arrays.equals(means, that.means)
                && Arrays.equals(stdDevs, that.stdDevs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(intercept) + Arrays.hashCode(weights)) + Arrays.hashCode(means))
                + Arrays.hashCode(stdDevs);
    }

    @Override
    public String toString() {
        return "LinearModelParameters[intercept=" + intercept + ", weights=" + Arrays.toString(weights) + ", means="
                + Arrays.toString(means) + ", stdDevs=" + Arrays.toString(stdDevs) + "]";
    }
}
