package io.huracan.ports.retraining;

import java.util.Locale;

/** Where a retraining job is: waiting for a slot, running, or finished one way or the other. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
