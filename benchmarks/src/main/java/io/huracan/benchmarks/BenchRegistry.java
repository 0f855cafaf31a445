package io.huracan.benchmarks;

import com.google.inject.Module;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.postgres.PostgresModelStoreConfig;
import io.huracan.adapter.postgres.PostgresModelStoreModule;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The registry one retrain benchmark run registers into: a fresh file registry directory, or a fresh PostgreSQL
 * database on the test server (HURACAN_TEST_POSTGRES, user postgres), so that worker processes can share it through
 * their config; the database is dropped when the run closes it.
 */
final class BenchRegistry implements AutoCloseable {
    private static final String SERVER = System.getenv().getOrDefault("HURACAN_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private final String kind;
    private final Path directory;
    private final String database;

    BenchRegistry(String kind, Path directory) throws SQLException {
        this.kind = kind;
        this.directory = directory;
        this.database = "retrain_bench_" + ProcessHandle.current().pid() + "_" + directory.getFileName().toString()
                .replaceAll("[^a-z0-9]", "_");
        if (kind.equals("postgres")) {
            admin("CREATE DATABASE " + database);
        }
    }

    /** The {@code engine.registry} mapping for a worker's config, in YAML flow style. */
    String yaml() {
        return kind.equals("postgres") ? "{adapter: postgres, jdbc_url: \"" + url() + "\", user: postgres}"
                : "{adapter: file, path: " + directory + "}";
    }

    Module module() {
        return kind.equals("postgres")
                ? new PostgresModelStoreModule(new PostgresModelStoreConfig(url(), "postgres", "",
                        PostgresModelStoreConfig.DEFAULT_SCHEMA))
                : new FileModelStoreModule(new FileModelStoreConfig(directory));
    }

    @Override
    public void close() throws SQLException {
        if (kind.equals("postgres")) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private String url() {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }

    private static void admin(String statement) throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER, "postgres", "")) {
            connection.createStatement().execute(statement);
        }
    }
}
