package io.huracan.adapter.redisson;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A job's state as the fields of its Redis hash, readable with {@code redis-cli hgetall}: the job ({@code id},
 * {@code regime}, {@code coins}, {@code from}, {@code to}, {@code tags}, {@code trigger}), where it is
 * ({@code state}, {@code updated}, {@code error}; the worker scripts add {@code worker} and {@code attempts}), and the
 * result once it succeeded ({@code outcome}, {@code model}, the metrics, row counts, {@code reason}). Instants are
 * ISO-8601, lists comma-separated, numbers as Java prints them (doubles round-trip exactly).
 */
final class JobFields {
    static final String STATE = "state";
    static final String TAGS = "tags";
    static final String UPDATED = "updated";

    private JobFields() {
    }

    /** Every field of {@code status}. */
    static Map<String, String> of(JobStatus status) {
        Map<String, String> fields = new LinkedHashMap<>();
        RetrainingJob job = status.job();
        fields.put("id", job.id());
        fields.put("regime", job.regime().key());
        fields.put("coins", job.coins().stream().map(Coin::symbol).collect(Collectors.joining(",")));
        fields.put("from", job.window().from().toString());
        fields.put("to", job.window().to().toString());
        fields.put(TAGS, String.join(",", new TreeSet<>(job.requiredTags())));
        fields.put("trigger", job.trigger().key());
        fields.put(STATE, status.state().key());
        fields.put(UPDATED, status.updated().toString());
        if (!status.error().isEmpty()) {
            fields.put("error", status.error());
        }
        status.result().ifPresent(result -> fields.putAll(of(result)));
        return fields;
    }

    private static Map<String, String> of(RetrainingResult result) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        result.model().ifPresent(model -> fields.put("model", model.toString()));
        result.metrics().ifPresent(metrics -> {
            fields.put("sharpe", Double.toString(metrics.sharpe()));
            fields.put("sortino", Double.toString(metrics.sortino()));
            fields.put("win_rate", Double.toString(metrics.winRate()));
            fields.put("max_drawdown", Double.toString(metrics.maxDrawdown()));
            fields.put("trade_count", Integer.toString(metrics.tradeCount()));
            fields.put("edge_bps", Double.toString(metrics.meanEdgeAfterCostBps()));
        });
        fields.put("training_rows", Integer.toString(result.trainingRows()));
        fields.put("test_rows", Integer.toString(result.testRows()));
        fields.put("reason", result.reason());
        return fields;
    }

    /** Reads a hash back; an unreadable one is an {@link IllegalStateException} naming the job. */
    static JobStatus status(Map<String, String> fields) {
        String id = fields.get("id");
        try {
            var job = new RetrainingJob(id, Regime.valueOf(upper(fields.get("regime"))), coins(fields.get("coins")),
                    new TrainingWindow(Instant.parse(fields.get("from")), Instant.parse(fields.get("to"))),
                    list(fields.get(TAGS)), RetrainingTrigger.valueOf(upper(fields.get("trigger"))));
            JobState state = JobState.valueOf(upper(fields.get(STATE)));
            Optional<RetrainingResult> result = fields.containsKey("outcome") ? Optional.of(result(id, fields))
                    : Optional.empty();
            return new JobStatus(job, state, result, fields.get("error"), Instant.parse(fields.get(UPDATED)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("retraining job " + id + " in Redis is unreadable: " + e.getMessage(), e);
        }
    }

    private static RetrainingResult result(String id, Map<String, String> fields) {
        Optional<ModelMetrics> metrics = fields.containsKey("sharpe") ? Optional.of(new ModelMetrics(
                number(fields, "sharpe"), number(fields, "sortino"), number(fields, "win_rate"),
                number(fields, "max_drawdown"), Integer.parseInt(fields.get("trade_count")), number(fields, "edge_bps")))
                : Optional.empty();
        return new RetrainingResult(id, RetrainingResult.Outcome.valueOf(upper(fields.get("outcome"))),
                Optional.ofNullable(fields.get("model")).map(ModelKey::parse), metrics,
                Integer.parseInt(fields.get("training_rows")), Integer.parseInt(fields.get("test_rows")),
                fields.get("reason"));
    }

    static Set<String> list(String text) {
        return text == null || text.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(text.split(",")));
    }

    private static TreeSet<Coin> coins(String text) {
        return list(text).stream().map(Coin::of).collect(Collectors.toCollection(TreeSet::new));
    }

    private static double number(Map<String, String> fields, String key) {
        return Double.parseDouble(fields.get(key));
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
