package io.huracan.ports.config;

/**
 * A config value that breaks its rule. {@code key} is the snake_case key inside the record that rejected it;
 * the loader prefixes the path of that record, so the user reads one line such as
 * {@code engine.risk.soft_throttle_ratio: 1.4 is out of range (0, 1]}.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public InvalidConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
