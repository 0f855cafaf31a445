package io.huracan.domain.signal;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.registry.ModelKey;

import java.util.List;

/**
 * A linear model over normalised features ({@link LinearModelParameters}). The normalisation is folded into the
 * coefficients when the model is built, so a prediction is one multiply-add per feature:
 * {@code constant + sum_i slopes[i] * x[feature_i]} with {@code slopes[i] = w_i / s_i} and
 * {@code constant = intercept - sum_i w_i m_i / s_i}.
 */
public final class LinearSignalModel implements SignalModel {
    private final ModelKey key;
    private final int[] featureIndex;
    private final double[] slopes;
    private final double constant;

    public LinearSignalModel(ModelKey key, List<Feature> features, LinearModelParameters parameters) {
        double[] weights = parameters.weights();
        if (weights.length != features.size()) {
            throw new IllegalArgumentException("linear model " + key + " has " + weights.length + " weights for "
                    + features.size() + " features");
        }
        double[] means = parameters.means();
        double[] stdDevs = parameters.stdDevs();
        this.key = key;
        this.featureIndex = new int[features.size()];
        this.slopes = new double[features.size()];
        double offset = parameters.intercept();
        for (int i = 0; i < featureIndex.length; i++) {
            featureIndex[i] = features.get(i).ordinal();
            slopes[i] = weights[i] / stdDevs[i];
            offset -= slopes[i] * means[i];
        }
        this.constant = offset;
    }

    @Override
    public ModelKey key() {
        return key;
    }

    @Override
    public double predictBps(double[] features) {
        double prediction = constant;
        for (int i = 0; i < featureIndex.length; i++) {
            prediction += slopes[i] * features[featureIndex[i]];
        }
        return prediction;
    }
}
