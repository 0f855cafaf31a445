package io.huracan.bootstrap.config;

import io.huracan.ports.config.InvalidConfigException;
import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.positive;

/** {@code engine.storage}: the Parquet root and how long partitions are kept. */
public record StorageSection(String root, int retentionDays, String compression) {
    public StorageSection {
        notBlank("root", root);
        positive("retention_days", retentionDays);
        if (!"zstd".equals(compression) && !"snappy".equals(compression)) {
            throw new InvalidConfigException("compression", "'" + compression
                    + "' is not allowed; allowed: zstd, snappy");
        }
    }
}
