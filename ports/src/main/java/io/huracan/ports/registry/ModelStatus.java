package io.huracan.ports.registry;

import java.util.Locale;

/**
 * Where a model version is in its life: registered as a {@code CANDIDATE}, run by the engine while
 * {@code ACTIVE}, benched while {@code INACTIVE} (it may be promoted again) and {@code RETIRED} for good.
 */
public enum ModelStatus {
    CANDIDATE,
    ACTIVE,
    INACTIVE,
    RETIRED;

    /** The snake_case key used in documents, the CLI and metric tags, e.g. {@code active}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The lifecycle every store enforces: only a promotion makes a model active, from candidate or inactive; an
     * active or candidate model may be benched; anything but a retired model may be retired.
     */
    public boolean canMoveTo(ModelStatus next) {
        return switch (next) {
            case ACTIVE -> this == CANDIDATE || this == INACTIVE;
            case INACTIVE -> this == ACTIVE || this == CANDIDATE;
            case RETIRED -> this != RETIRED;
            case CANDIDATE -> false;
        };
    }
}
