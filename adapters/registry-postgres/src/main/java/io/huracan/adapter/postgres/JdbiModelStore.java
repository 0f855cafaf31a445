package io.huracan.adapter.postgres;

import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionDecider;
import io.huracan.ports.registry.PromotionPlan;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.ports.registry.StatusChange;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared registry in PostgreSQL (tables in db/migration/V1__model_registry.sql, applied by Flyway on first
 * use). Registration numbers versions with an atomic upsert on the per-name counter. A promotion runs in one
 * READ COMMITTED transaction that locks, in this order, the regime's row in {@code regime_promotion_lock}, the
 * candidate's row and the active rows of the regime; it then reads the active set (each statement sees what was
 * committed before it got its lock), asks the decider and writes the plan. Promotions into one regime are thus
 * serialised across connections and processes, and only a promotion can make a model active.
 */
final class JdbiModelStore implements ModelStore {
    private static final String SELECT_VERSIONS = "SELECT v.name, v.version, v.kind, v.regime, v.status, v.features,"
            + " v.parameters, v.artifact, v.training_from, v.training_to, v.created_at, v.trained_by, m.sharpe, m.sortino,"
            + " m.win_rate, m.max_drawdown, m.trade_count, m.mean_edge_after_cost_bps"
            + " FROM model_version v JOIN model_metrics m ON m.name = v.name AND m.version = v.version";

    private final PostgresModelStoreConfig config;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final Jdbi jdbi;
    private volatile boolean migrated;

    JdbiModelStore(PostgresModelStoreConfig config) {
        this.config = config;
        dataSource.setURL(config.jdbcUrl());
        dataSource.setUser(config.user());
        if (!config.password().isEmpty()) {
            dataSource.setPassword(config.password());
        }
        dataSource.setCurrentSchema(config.schema());
        dataSource.setApplicationName("huracan-registry");
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public ModelVersion register(ModelDefinition definition) {
        return transaction(handle -> {
            int version = handle.createQuery("INSERT INTO model_name (name, last_version) VALUES (:name, 1)"
                            + " ON CONFLICT (name) DO UPDATE SET last_version = model_name.last_version + 1 RETURNING last_version")
                    .bind("name", definition.name()).mapTo(Integer.class).one();
            var model = new ModelVersion(definition, version, ModelStatus.CANDIDATE, List.of());
            insert(handle, model);
            return model;
        });
    }

    @Override
    public ModelVersion get(ModelKey key) {
        return transaction(handle -> load(handle, key));
    }

    @Override
    public ModelVersion latest(String name) {
        return transaction(handle -> {
            Integer version = handle.createQuery("SELECT last_version FROM model_name WHERE name = :name")
                    .bind("name", name).mapTo(Integer.class).findOne().orElseThrow(() -> ModelStoreException.unknown(name));
            return load(handle, new ModelKey(name, version));
        });
    }

    @Override
    public List<ModelVersion> find(ModelQuery query) {
        return transaction(handle -> select(handle, query));
    }

    @Override
    public PromotionResult promote(ModelKey candidate, PromotionDecider decider, Instant at) {
        return transaction(handle -> {
            Regime regime = load(handle, candidate).regime();
            handle.createQuery("SELECT regime FROM regime_promotion_lock WHERE regime = :regime FOR UPDATE")
                    .bind("regime", ModelRows.key(regime)).mapTo(String.class).one();
            lockRow(handle, candidate);
            handle.createQuery("SELECT version FROM model_version WHERE regime = :regime AND status = 'active' FOR UPDATE")
                    .bind("regime", ModelRows.key(regime)).mapTo(Integer.class).list();
            PromotionPlan plan = PromotionPlan.decide(load(handle, candidate),
                    select(handle, ModelQuery.active(regime)), decider, at);
            plan.changes().forEach(changed -> recordChange(handle, changed));
            return plan.result();
        });
    }

    @Override
    public ModelVersion changeStatus(ModelKey key, ModelStatus to, String reason, Instant at) {
        return transaction(handle -> {
            lockRow(handle, key);
            ModelVersion changed = PromotionPlan.manualChange(load(handle, key), to, reason, at);
            recordChange(handle, changed);
            return changed;
        });
    }

    private <T> T transaction(HandleCallback<T, RuntimeException> work) {
        try {
            migrate();
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
        } catch (JdbiException | FlywayException e) {
            throw new ModelStoreException(ModelStoreException.Kind.STORAGE_FAILURE, "model registry at "
                    + config.jdbcUrl() + " (schema " + config.schema() + ") failed: " + firstLine(e), e);
        }
    }

    private void migrate() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (!migrated) {
                Flyway.configure().dataSource(dataSource).schemas(config.schema()).defaultSchema(config.schema())
                        .createSchemas(true).table("registry_schema_history").locations("classpath:db/migration")
                        .load().migrate();
                migrated = true;
            }
        }
    }

    private static void insert(Handle handle, ModelVersion model) {
        ModelDefinition definition = model.definition();
        handle.createUpdate("INSERT INTO model_version (name, version, kind, regime, status, features, parameters,"
                        + " artifact, training_from, training_to, created_at, trained_by) VALUES (:name, :version, :kind,"
                        + " :regime, :status, :features, :parameters, :artifact, :from, :to, :createdAt, :trainedBy)")
                .bind("name", definition.name()).bind("version", model.version()).bind("kind", definition.kind())
                .bind("regime", ModelRows.key(definition.regime())).bind("status", ModelRows.key(model.status()))
                .bind("features", ModelRows.textArray(ModelRows.keys(definition.features())))
                .bind("parameters", ModelRows.float8Array(definition.parameters()))
                .bind("artifact", definition.artifact())
                .bind("from", ModelRows.timestamp(definition.trainingWindow().from()))
                .bind("to", ModelRows.timestamp(definition.trainingWindow().to()))
                .bind("createdAt", ModelRows.timestamp(definition.createdAt()))
                .bind("trainedBy", definition.trainedBy())
                .execute();
        ModelMetrics metrics = definition.metrics();
        handle.createUpdate("INSERT INTO model_metrics (name, version, sharpe, sortino, win_rate, max_drawdown,"
                        + " trade_count, mean_edge_after_cost_bps) VALUES (:name, :version, :sharpe, :sortino, :winRate,"
                        + " :maxDrawdown, :tradeCount, :edge)")
                .bind("name", definition.name()).bind("version", model.version()).bind("sharpe", metrics.sharpe())
                .bind("sortino", metrics.sortino()).bind("winRate", metrics.winRate())
                .bind("maxDrawdown", metrics.maxDrawdown()).bind("tradeCount", metrics.tradeCount())
                .bind("edge", metrics.meanEdgeAfterCostBps())
                .execute();
    }

    /** Writes a version's new status and appends the change that led to it. */
    private static void recordChange(Handle handle, ModelVersion changed) {
        StatusChange change = changed.history().get(changed.history().size() - 1);
        handle.createUpdate("UPDATE model_version SET status = :status WHERE name = :name AND version = :version")
                .bind("status", ModelRows.key(changed.status())).bind("name", changed.name())
                .bind("version", changed.version()).execute();
        handle.createUpdate("INSERT INTO model_status_change (name, version, from_status, to_status, changed_at, reason)"
                        + " VALUES (:name, :version, :from, :to, :at, :reason)")
                .bind("name", changed.name()).bind("version", changed.version())
                .bind("from", ModelRows.key(change.from())).bind("to", ModelRows.key(change.to()))
                .bind("at", ModelRows.timestamp(change.at())).bind("reason", change.reason())
                .execute();
    }

    private static void lockRow(Handle handle, ModelKey key) {
        handle.createQuery("SELECT version FROM model_version WHERE name = :name AND version = :version FOR UPDATE")
                .bind("name", key.name()).bind("version", key.version()).mapTo(Integer.class)
                .findOne().orElseThrow(() -> ModelStoreException.unknown(key));
    }

    private static ModelVersion load(Handle handle, ModelKey key) {
        List<ModelVersion> found = select(handle, ModelQuery.ALL.withName(key.name()), key.version());
        if (found.isEmpty()) {
            throw ModelStoreException.unknown(key);
        }
        return found.get(0);
    }

    private static List<ModelVersion> select(Handle handle, ModelQuery query) {
        return select(handle, query, null);
    }

    /** The versions matching {@code query} (and {@code version}, if given) with their audit trails, in key order. */
    private static List<ModelVersion> select(Handle handle, ModelQuery query, Integer version) {
        List<String> conditions = new ArrayList<>();
        query.name().ifPresent(name -> conditions.add("v.name = :name"));
        query.regime().ifPresent(regime -> conditions.add("v.regime = :regime"));
        query.status().ifPresent(status -> conditions.add("v.status = :status"));
        if (version != null) {
            conditions.add("v.version = :version");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Map<String, Object> bindings = bindings(query, version);
        List<ModelRows.VersionRow> rows = handle.createQuery(SELECT_VERSIONS + where + " ORDER BY v.name, v.version")
                .bindMap(bindings).map((rs, context) -> ModelRows.versionRow(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<ModelKey, List<ModelRows.ChangeRow>> changes = new LinkedHashMap<>();
        rows.forEach(row -> changes.put(row.key(), new ArrayList<>()));
        handle.createQuery("SELECT c.name, c.version, c.from_status, c.to_status, c.changed_at, c.reason"
                        + " FROM model_status_change c JOIN model_version v ON v.name = c.name AND v.version = c.version"
                        + where + " ORDER BY c.id")
                .bindMap(bindings)
                .map((rs, context) -> ModelRows.changeRow(rs))
                .forEach(change -> {
                    List<ModelRows.ChangeRow> trail = changes.get(new ModelKey(change.name(), change.version()));
                    if (trail != null) {
                        trail.add(change);
                    }
                });
        return rows.stream().map(row -> ModelRows.toModel(row, changes.get(row.key()))).toList();
    }

    private static Map<String, Object> bindings(ModelQuery query, Integer version) {
        Map<String, Object> bindings = new LinkedHashMap<>();
        query.name().ifPresent(name -> bindings.put("name", name));
        query.regime().ifPresent(regime -> bindings.put("regime", ModelRows.key(regime)));
        query.status().ifPresent(status -> bindings.put("status", ModelRows.key(status)));
        if (version != null) {
            bindings.put("version", version);
        }
        return bindings;
    }

    private static String firstLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
