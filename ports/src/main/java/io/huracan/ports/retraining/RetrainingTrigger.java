package io.huracan.ports.retraining;

import java.util.Locale;

/** Why a retraining job was started. */
public enum RetrainingTrigger {
    /** The configured cron schedule fired. */
    SCHEDULE,
    /** An active model's live performance decayed below the policy's ratio. */
    DECAY,
    /** A coin's market changed regime. */
    REGIME_CHANGE,
    /** Someone ran {@code huracan retrain}. */
    MANUAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
