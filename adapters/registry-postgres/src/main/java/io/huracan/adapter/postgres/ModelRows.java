package io.huracan.adapter.postgres;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.StatusChange;
import io.huracan.ports.registry.TrainingWindow;
import org.jdbi.v3.core.argument.Argument;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translation between rows and port records. Rows are read raw first ({@link VersionRow}, {@link ChangeRow}) and
 * turned into records afterwards, so that a value no record accepts becomes one CORRUPT_DOCUMENT error naming
 * the model, not a driver exception.
 */
final class ModelRows {
    private ModelRows() {
    }

    record VersionRow(String name, int version, String kind, String regime, String status, String[] features,
                      Double[] parameters, String artifact, Instant trainingFrom, Instant trainingTo, Instant createdAt,
                      String trainedBy, double sharpe, double sortino, double winRate, double maxDrawdown,
                      int tradeCount, double meanEdgeAfterCostBps) {

        ModelKey key() {
            return new ModelKey(name, version);
        }
    }

    record ChangeRow(String name, int version, String from, String to, Instant at, String reason) {
    }

    static VersionRow versionRow(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getString("name"), rs.getInt("version"), rs.getString("kind"), rs.getString("regime"),
                rs.getString("status"), (String[]) array(rs.getArray("features")), (Double[]) array(rs.getArray("parameters")),
                rs.getString("artifact"), instant(rs, "training_from"), instant(rs, "training_to"),
                instant(rs, "created_at"), rs.getString("trained_by"), rs.getDouble("sharpe"), rs.getDouble("sortino"),
                rs.getDouble("win_rate"), rs.getDouble("max_drawdown"), rs.getInt("trade_count"),
                rs.getDouble("mean_edge_after_cost_bps"));
    }

    static ChangeRow changeRow(ResultSet rs) throws SQLException {
        return new ChangeRow(rs.getString("name"), rs.getInt("version"), rs.getString("from_status"),
                rs.getString("to_status"), instant(rs, "changed_at"), rs.getString("reason"));
    }

    static ModelVersion toModel(VersionRow row, List<ChangeRow> changes) {
        try {
            double[] parameters = new double[row.parameters().length];
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] = row.parameters()[i];
            }
            List<Feature> features = new ArrayList<>();
            for (String feature : row.features()) {
                features.add(parse(Feature.class, feature));
            }
            var definition = new ModelDefinition(row.name(), row.kind(), parse(Regime.class, row.regime()), features,
                    parameters, row.artifact(), new TrainingWindow(row.trainingFrom(), row.trainingTo()), row.createdAt(),
                    row.trainedBy(), new ModelMetrics(row.sharpe(), row.sortino(), row.winRate(), row.maxDrawdown(),
                    row.tradeCount(), row.meanEdgeAfterCostBps()));
            List<StatusChange> history = new ArrayList<>();
            for (ChangeRow change : changes) {
                history.add(new StatusChange(parse(ModelStatus.class, change.from()), parse(ModelStatus.class, change.to()),
                        change.at(), change.reason()));
            }
            return new ModelVersion(definition, row.version(), parse(ModelStatus.class, row.status()), history);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelStoreException(ModelStoreException.Kind.CORRUPT_DOCUMENT,
                    "model " + row.key() + " in PostgreSQL is corrupt: " + e.getMessage());
        }
    }

    static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String[] keys(List<? extends Enum<?>> values) {
        return values.stream().map(ModelRows::key).toArray(String[]::new);
    }

    static Argument textArray(String[] values) {
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf("text", values));
    }

    static Argument float8Array(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf("float8", boxed));
    }

    static Argument timestamp(Instant instant) {
        return (position, statement, context) -> statement.setObject(position, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Object array(Array array) throws SQLException {
        return array == null ? null : array.getArray();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
