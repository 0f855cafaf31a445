package io.huracan.ports.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One entry of a model version's audit trail: a status change, when it happened and why. */
public record StatusChange(ModelStatus from, ModelStatus to, Instant at, String reason) {
    public StatusChange {
        if (from == null || to == null || at == null) {
            throw new IllegalArgumentException("status change needs from, to and at");
        }
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("status change " + from.key() + " -> " + to.key() + " is not allowed");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("status change " + from.key() + " -> " + to.key() + " needs a reason");
        }
        at = at.truncatedTo(ChronoUnit.MICROS);
    }
}
