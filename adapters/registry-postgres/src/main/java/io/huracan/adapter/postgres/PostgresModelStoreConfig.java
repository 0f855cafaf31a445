package io.huracan.adapter.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PostgreSQL registry's configuration ({@code engine.registry.jdbc_url}, {@code user}, {@code password}).
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/database}
 * @param user     the database user
 * @param password the resolved password; empty for trust authentication
 * @param schema   the schema holding the registry's tables, created by the first migration if missing
 */
public record PostgresModelStoreConfig(String jdbcUrl, String user, String password, String schema) {
    public static final String DEFAULT_SCHEMA = "huracan_registry";
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresModelStoreConfig {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("jdbc_url '" + jdbcUrl + "' is invalid; allowed: jdbc:postgresql://host:port/database");
        }
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema + "' is invalid; allowed: a lower-case SQL identifier");
        }
    }

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "PostgresModelStoreConfig[" + jdbcUrl + ", user=" + user + ", schema=" + schema + "]";
    }
}
