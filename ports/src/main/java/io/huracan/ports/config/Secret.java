package io.huracan.ports.config;

import java.util.regex.Pattern;

/**
 * A reference to a secret kept outside the config, e.g. {@code ${env:BINANCE_API_SECRET}}; never a literal.
 * {@link #toString()} shows only the reference, so a secret cannot leak through logging a config record.
 * An empty reference means "not configured".
 */
public record Secret(String reference) {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Z_][A-Z0-9_]*)}");

    public static final Secret NONE = new Secret("");

    public Secret {
        if (reference == null) {
            reference = "";
        }
        if (!reference.isEmpty() && !ENV_REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("a literal secret is not allowed; allowed: a reference such as "
                    + "${env:BINANCE_API_SECRET}, or empty");
        }
    }

    public boolean isConfigured() {
        return !reference.isEmpty();
    }

    /** The environment variable the reference names, or an empty string when not configured. */
    public String environmentVariable() {
        var matcher = ENV_REFERENCE.matcher(reference);
        return matcher.matches() ? matcher.group(1) : "";
    }

    @Override
    public String toString() {
        return reference;
    }
}
