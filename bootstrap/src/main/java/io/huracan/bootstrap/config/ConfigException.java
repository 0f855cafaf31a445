package io.huracan.bootstrap.config;

/** A configuration the engine cannot start with. The message is one line meant for the user, as is. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
