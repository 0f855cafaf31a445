package io.huracan.bootstrap.registry;

import com.google.inject.Module;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.postgres.PostgresModelStoreConfig;
import io.huracan.adapter.postgres.PostgresModelStoreModule;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.RegistrySection;
import io.huracan.ports.config.Secret;

import java.nio.file.Path;
import java.util.Map;

/** Turns {@code engine.registry} into the Guice module of the chosen {@link io.huracan.ports.registry.ModelStore}. */
public final class RegistryAdapterSelection {
    private RegistryAdapterSelection() {
    }

    public static Module module(RegistrySection registry, Map<String, String> environment) {
        return switch (registry.adapter()) {
            case FILE -> new FileModelStoreModule(new FileModelStoreConfig(Path.of(registry.path())));
            case POSTGRES -> new PostgresModelStoreModule(new PostgresModelStoreConfig(registry.jdbcUrl(),
                    registry.user(), resolve(registry.password(), environment), PostgresModelStoreConfig.DEFAULT_SCHEMA));
        };
    }

    private static String resolve(Secret secret, Map<String, String> environment) {
        if (!secret.isConfigured()) {
            return "";
        }
        String value = environment.get(secret.environmentVariable());
        if (value == null) {
            throw new ConfigException("engine.registry.password: " + secret.reference() + " is not set in the environment");
        }
        return value;
    }
}
