package io.huracan.bootstrap.config;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** Prints an effective configuration in the same YAML vocabulary it is read in, secrets redacted. */
public final class ConfigPrinter {
    private ConfigPrinter() {
    }

    public static String toYaml(EngineConfig config) {
        try {
            return ConfigJackson.yamlWriter().writeValueAsString(Map.of("engine", config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The config key of an enum value, e.g. {@code DROP_OLDEST -> drop_oldest}. */
    public static String keyOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
