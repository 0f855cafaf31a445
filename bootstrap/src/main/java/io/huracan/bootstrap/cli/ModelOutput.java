package io.huracan.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.ports.registry.StatusChange;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How {@code huracan registry} prints models: aligned tables for people, one JSON document with --json. */
final class ModelOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PrintWriter out;
    private final boolean json;

    ModelOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void list(List<ModelVersion> models) {
        if (json) {
            ArrayNode array = NODES.arrayNode();
            models.forEach(model -> array.add(toJson(model)));
            print(array);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MODEL", "KIND", "REGIME", "STATUS", "SHARPE", "SORTINO", "WIN", "MAX_DD", "TRADES",
                "EDGE_BPS", "CREATED"});
        for (ModelVersion model : models) {
            ModelMetrics metrics = model.metrics();
            rows.add(new String[] {model.key().toString(), model.definition().kind(), model.regime().key(),
                    model.status().key(), fixed(metrics.sharpe()), fixed(metrics.sortino()), percent(metrics.winRate()),
                    percent(metrics.maxDrawdown()), Integer.toString(metrics.tradeCount()),
                    fixed(metrics.meanEdgeAfterCostBps()), model.definition().createdAt().toString()});
        }
        table(rows);
        out.println(models.size() + (models.size() == 1 ? " model" : " models"));
    }

    void show(ModelVersion model) {
        if (json) {
            print(toJson(model));
            return;
        }
        ModelDefinition definition = model.definition();
        ModelMetrics metrics = definition.metrics();
        table(List.of(
                new String[] {"model", model.key().toString()},
                new String[] {"status", model.status().key()},
                new String[] {"kind", definition.kind()},
                new String[] {"regime", definition.regime().key()},
                new String[] {"features", String.join(", ", definition.features().stream().map(ModelOutput::key).toList())},
                new String[] {"parameters", Arrays.toString(definition.parameters())},
                new String[] {"artifact", definition.artifact().isEmpty() ? "-" : definition.artifact()},
                new String[] {"training window", definition.trainingWindow().from() + " .. " + definition.trainingWindow().to()},
                new String[] {"created at", definition.createdAt().toString()},
                new String[] {"trained by", definition.trainedBy()},
                new String[] {"sharpe", fixed(metrics.sharpe())},
                new String[] {"sortino", fixed(metrics.sortino())},
                new String[] {"win rate", percent(metrics.winRate())},
                new String[] {"max drawdown", percent(metrics.maxDrawdown())},
                new String[] {"trades", Integer.toString(metrics.tradeCount())},
                new String[] {"edge after cost", fixed(metrics.meanEdgeAfterCostBps()) + " bps"}));
        out.println();
        if (model.history().isEmpty()) {
            out.println("history: none (registered as candidate)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"AT", "FROM", "TO", "REASON"});
        model.history().forEach(change -> rows.add(new String[] {change.at().toString(), change.from().key(),
                change.to().key(), change.reason()}));
        table(rows);
    }

    void promotion(PromotionResult result) {
        if (result instanceof PromotionResult.Promoted promoted) {
            if (json) {
                ObjectNode node = NODES.objectNode().put("result", "promoted");
                node.set("model", toJson(promoted.promoted()));
                ArrayNode displaced = node.putArray("displaced");
                promoted.displaced().forEach(model -> displaced.add(toJson(model)));
                print(node);
                return;
            }
            out.println("promoted " + promoted.promoted().key() + ": " + lastReason(promoted.promoted()));
            promoted.displaced().forEach(model -> out.println("deactivated " + model.key() + ": " + lastReason(model)));
        } else {
            var refused = (PromotionResult.Refused) result;
            if (json) {
                ObjectNode node = NODES.objectNode().put("result", "refused").put("reason", refused.reason());
                node.set("model", toJson(refused.candidate()));
                print(node);
                return;
            }
            out.println("not promoted " + refused.candidate().key() + ": " + refused.reason());
        }
    }

    void changed(ModelVersion model) {
        if (json) {
            print(toJson(model));
        } else {
            out.println(model.key() + " is now " + model.status().key() + ": " + lastReason(model));
        }
    }

    private static String lastReason(ModelVersion model) {
        return model.history().get(model.history().size() - 1).reason();
    }

    static ObjectNode toJson(ModelVersion model) {
        ModelDefinition definition = model.definition();
        ModelMetrics metrics = definition.metrics();
        ObjectNode node = NODES.objectNode()
                .put("name", model.name()).put("version", model.version()).put("status", model.status().key())
                .put("kind", definition.kind()).put("regime", definition.regime().key());
        ArrayNode features = node.putArray("features");
        definition.features().forEach(feature -> features.add(key(feature)));
        ArrayNode parameters = node.putArray("parameters");
        Arrays.stream(definition.parameters()).forEach(parameters::add);
        node.put("artifact", definition.artifact());
        node.putObject("training_window").put("from", definition.trainingWindow().from().toString())
                .put("to", definition.trainingWindow().to().toString());
        node.put("created_at", definition.createdAt().toString()).put("trained_by", definition.trainedBy());
        node.putObject("metrics").put("sharpe", metrics.sharpe()).put("sortino", metrics.sortino())
                .put("win_rate", metrics.winRate()).put("max_drawdown", metrics.maxDrawdown())
                .put("trade_count", metrics.tradeCount()).put("mean_edge_after_cost_bps", metrics.meanEdgeAfterCostBps());
        ArrayNode history = node.putArray("history");
        for (StatusChange change : model.history()) {
            history.addObject().put("from", change.from().key()).put("to", change.to().key())
                    .put("at", change.at().toString()).put("reason", change.reason());
        }
        return node;
    }

    private void table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private void print(Object node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(Feature feature) {
        return feature.name().toLowerCase(Locale.ROOT);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
