package io.huracan.bootstrap.config;

import io.huracan.ports.config.Secret;

/** How {@code config show} prints a secret: its reference and whether it resolves, never its value. */
final class SecretRedaction {
    private SecretRedaction() {
    }

    static String describe(Secret secret) {
        if (!secret.isConfigured()) {
            return "";
        }
        boolean set = System.getenv(secret.environmentVariable()) != null;
        return secret.reference() + (set ? " (set, redacted)" : " (not set)");
    }
}
