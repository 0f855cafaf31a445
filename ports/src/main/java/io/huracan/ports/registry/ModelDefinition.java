package io.huracan.ports.registry;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything fixed when a model is trained, handed to {@link ModelStore#register}; the store adds the version
 * number, the status and the audit trail ({@link ModelVersion}).
 *
 * @param name           the model's name; versions are numbered per name
 * @param kind           the model family that knows how to read {@code parameters}, e.g. {@code linear}
 * @param regime         the market regime the model was trained for and runs in
 * @param features       the inputs, in the order {@code parameters} refers to them
 * @param parameters     the trained weights, laid out as the kind defines; may be empty when {@code artifact} is set
 * @param artifact       where a model too large for {@code parameters} is kept (a path or URI), or empty
 * @param trainingWindow the market data it was fitted on
 * @param createdAt      when training finished
 * @param trainedBy      the retraining job id that produced it
 * @param metrics        out-of-sample evidence
 */
public record ModelDefinition(String name, String kind, Regime regime, List<Feature> features, double[] parameters,
                              String artifact, TrainingWindow trainingWindow, Instant createdAt, String trainedBy,
                              ModelMetrics metrics) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public ModelDefinition {
        ModelKey.checkName(name);
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("model kind '" + kind + "' is invalid; allowed: 1-32 of a-z, 0-9, '_', '-'");
        }
        Objects.requireNonNull(regime, "regime");
        features = List.copyOf(features);
        if (features.isEmpty() || new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException("model features " + features + " are invalid; allowed: at least one, no repeats");
        }
        parameters = parameters.clone();
        for (double parameter : parameters) {
            if (!Double.isFinite(parameter)) {
                throw new IllegalArgumentException("model parameter " + parameter + " is invalid; allowed: finite numbers");
            }
        }
        artifact = artifact == null ? "" : artifact;
        if (parameters.length == 0 && artifact.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " has neither parameters nor an artifact; allowed: one or both");
        }
        Objects.requireNonNull(trainingWindow, "training_window");
        createdAt = Objects.requireNonNull(createdAt, "created_at").truncatedTo(ChronoUnit.MICROS);
        if (trainedBy == null || trainedBy.isBlank()) {
            throw new IllegalArgumentException("trained_by is empty; a retraining job id is required");
        }
        Objects.requireNonNull(metrics, "metrics");
    }

    /** A copy, since the array inside a record is still mutable. */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelDefinition that
                && name.equals(that.name) && kind.equals(that.kind) && regime == that.regime
                && features.equals(that.features) && Arrays.equals(parameters, that.parameters)
                && artifact.equals(that.artifact) && trainingWindow.equals(that.trainingWindow)
                && createdAt.equals(that.createdAt) && trainedBy.equals(that.trainedBy) && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, regime, features, Arrays.hashCode(parameters), artifact, trainingWindow,
                createdAt, trainedBy, metrics);
    }

    @Override
    public String toString() {
        return "ModelDefinition[" + name + ", kind=" + kind + ", regime=" + regime.key() + ", features=" + features
                + ", parameters=" + Arrays.toString(parameters) + ", artifact=" + artifact + ", window=" + trainingWindow
                + ", createdAt=" + createdAt + ", trainedBy=" + trainedBy + ", metrics=" + metrics + "]";
    }
}
