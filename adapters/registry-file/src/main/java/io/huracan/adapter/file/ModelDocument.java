package io.huracan.adapter.file;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.StatusChange;
import io.huracan.ports.registry.TrainingWindow;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of one model version, as a person reads it: snake_case keys, enum values as lower-case keys,
 * times in ISO-8601. {@code format} is the layout's version, so a later layout can still read this one.
 */
@JsonPropertyOrder({"format", "name", "version", "status", "kind", "regime", "features", "parameters", "artifact",
        "training_window", "created_at", "trained_by", "metrics", "history"})
record ModelDocument(int format, String name, int version, String status, String kind, String regime,
                     List<String> features, double[] parameters, String artifact, Window trainingWindow,
                     Instant createdAt, String trainedBy, Metrics metrics, List<Change> history) {
    static final int FORMAT = 1;

    record Window(Instant from, Instant to) {
    }

    @JsonPropertyOrder({"sharpe", "sortino", "win_rate", "max_drawdown", "trade_count", "mean_edge_after_cost_bps"})
    record Metrics(double sharpe, double sortino, double winRate, double maxDrawdown, int tradeCount,
                   double meanEdgeAfterCostBps) {
    }

    @JsonPropertyOrder({"from", "to", "at", "reason"})
    record Change(String from, String to, Instant at, String reason) {
    }

    static ModelDocument of(ModelVersion model) {
        ModelDefinition definition = model.definition();
        ModelMetrics metrics = definition.metrics();
        return new ModelDocument(FORMAT, definition.name(), model.version(), model.status().key(), definition.kind(),
                definition.regime().key(), definition.features().stream().map(ModelDocument::key).toList(),
                definition.parameters(), definition.artifact(),
                new Window(definition.trainingWindow().from(), definition.trainingWindow().to()),
                definition.createdAt(), definition.trainedBy(),
                new Metrics(metrics.sharpe(), metrics.sortino(), metrics.winRate(), metrics.maxDrawdown(),
                        metrics.tradeCount(), metrics.meanEdgeAfterCostBps()),
                model.history().stream().map(change -> new Change(change.from().key(), change.to().key(), change.at(),
                        change.reason())).toList());
    }

    /** @throws IllegalArgumentException naming the first value that is not a valid model version */
    ModelVersion toModel() {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not supported; allowed: " + FORMAT);
        }
        var definition = new ModelDefinition(name, kind, parse(Regime.class, regime),
                features.stream().map(feature -> parse(Feature.class, feature)).toList(), parameters, artifact,
                new TrainingWindow(trainingWindow.from(), trainingWindow.to()), createdAt, trainedBy,
                new ModelMetrics(metrics.sharpe(), metrics.sortino(), metrics.winRate(), metrics.maxDrawdown(),
                        metrics.tradeCount(), metrics.meanEdgeAfterCostBps()));
        return new ModelVersion(definition, version, parse(ModelStatus.class, status), history.stream()
                .map(change -> new StatusChange(parse(ModelStatus.class, change.from()),
                        parse(ModelStatus.class, change.to()), change.at(), change.reason()))
                .toList());
    }

    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String key) {
        for (E value : type.getEnumConstants()) {
            if (key(value).equals(key)) {
                return value;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + key + "' is unknown");
    }
}
