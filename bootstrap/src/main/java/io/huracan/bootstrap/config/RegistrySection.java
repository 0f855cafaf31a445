package io.huracan.bootstrap.config;

import io.huracan.ports.config.InvalidConfigException;
import io.huracan.domain.registry.PromotionRules;
import io.huracan.ports.config.Secret;

import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.required;

/** {@code engine.registry}: where model versions are kept, and the promotion rules. */
public record RegistrySection(
        RegistryAdapter adapter,
        String path,
        String jdbcUrl,
        String user,
        Secret password,
        PromotionRules promotion) {

    public RegistrySection {
        required("adapter", adapter);
        notBlank("path", path);
        notBlank("jdbc_url", jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new InvalidConfigException("jdbc_url", "'" + jdbcUrl
                    + "' is invalid; allowed: jdbc:postgresql://host:port/database");
        }
        notBlank("user", user);
        required("password", password);
        required("promotion", promotion);
    }
}
