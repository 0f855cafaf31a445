package io.huracan.bootstrap.config;

/**
 * One value set over the config files: {@code path} such as {@code engine.universe.active_coins}, the value as
 * text (read as YAML), and where it came from ({@code --coins}, {@code HURACAN_ENGINE__...}) for error messages.
 */
public record ConfigOverride(String path, String value, String source) {
    public ConfigOverride {
        if (path == null || !path.startsWith("engine.") || value == null || source == null) {
            throw new IllegalArgumentException("config override " + path + " is invalid; allowed: a path under engine.");
        }
    }
}
