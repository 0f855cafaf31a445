package io.huracan.adapter.postgres;

import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.testkit.registry.ModelFixtures;
import io.huracan.testkit.registry.ModelStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract against the real PostgreSQL server (HURACAN_TEST_POSTGRES, default
 * jdbc:postgresql://127.0.0.1:5432/test, user postgres), in a schema of its own that is dropped afterwards. Each
 * store instance opens its own connections, so the concurrency tests race separate sessions.
 */
class JdbiModelStoreTest extends ModelStoreContract {
    private static final String URL = System.getenv().getOrDefault("HURACAN_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = "postgres";
    private static final String SCHEMA = "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void postgresIsReachable() {
        try (Connection ignored = connect()) {
            // reachable
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage() + "). Start it with"
                    + " `service postgresql start` (or `pg_ctlcluster 15 main start`), or set HURACAN_TEST_POSTGRES to"
                    + " the JDBC URL of a server where user postgres may create schemas.");
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Override
    protected ModelStore openFreshStore() throws SQLException {
        ModelStore store = openSameStore();
        store.find(ModelQuery.ALL.withName("nothing")); // migrates the schema on first use
        try (Connection connection = connect()) {
            connection.createStatement().execute("TRUNCATE " + SCHEMA + ".model_status_change, " + SCHEMA
                    + ".model_metrics, " + SCHEMA + ".model_version, " + SCHEMA + ".model_name RESTART IDENTITY");
        }
        return store;
    }

    @Override
    protected ModelStore openSameStore() {
        return new JdbiModelStore(new PostgresModelStoreConfig(URL, USER, "", SCHEMA));
    }

    @Override
    protected void corrupt(ModelKey key) throws SQLException {
        try (Connection connection = connect();
             var update = connection.prepareStatement("UPDATE " + SCHEMA
                     + ".model_version SET features = ARRAY['return_1m', 'moon_phase'] WHERE name = ? AND version = ?")) {
            update.setString(1, key.name());
            update.setInt(2, key.version());
            assertThat(update.executeUpdate()).isOne();
        }
    }

    @Test
    void aCorruptRowNamesTheModelAndTheBadValue() throws Exception {
        ModelKey key = store.register(ModelFixtures.linear("momentum", Regime.RANGING, 1.0)).key();
        corrupt(key);

        assertThatThrownBy(() -> store.get(key))
                .hasMessage("model momentum:1 in PostgreSQL is corrupt: feature 'moon_phase' is unknown");
    }

    @Test
    void theMigrationIndexesLookupsByRegimeAndStatus() throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = connect();
             var rs = connection.createStatement().executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = '"
                     + SCHEMA + "' AND tablename = 'model_version' ORDER BY indexname")) {
            while (rs.next()) {
                indexes.add(rs.getString(1).toLowerCase(Locale.ROOT).replace(SCHEMA + ".", ""));
            }
        }
        assertThat(indexes).contains(
                "create index model_version_by_regime_status on model_version using btree (regime, status)",
                "create index model_version_by_status on model_version using btree (status)");
    }

    @Test
    void anUnreachableServerIsAStorageFailureNamingTheUrl() {
        var unreachable = new JdbiModelStore(new PostgresModelStoreConfig("jdbc:postgresql://127.0.0.1:1/none",
                USER, "", SCHEMA));

        assertThatThrownBy(() -> unreachable.latest("momentum"))
                .isInstanceOfSatisfying(ModelStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelStoreException.Kind.STORAGE_FAILURE))
                .hasMessageStartingWith("model registry at jdbc:postgresql://127.0.0.1:1/none (schema " + SCHEMA + ") failed: ");
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }
}
