package io.huracan.ports.metrics;

import java.util.Objects;

/**
 * One component's readiness.
 *
 * @param up     true when the component does its job now
 * @param reason a short human explanation of the state, e.g. {@code "4 loops running"} or {@code "loop 2 stalled"}
 */
public record ComponentHealth(boolean up, String reason) {
    public ComponentHealth {
        Objects.requireNonNull(reason, "reason");
    }

    public static ComponentHealth up(String reason) {
        return new ComponentHealth(true, reason);
    }

    public static ComponentHealth down(String reason) {
        return new ComponentHealth(false, reason);
    }
}
