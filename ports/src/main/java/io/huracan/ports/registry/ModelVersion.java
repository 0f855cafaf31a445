package io.huracan.ports.registry;

import io.huracan.ports.market.Regime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One stored version of a model: its definition, the number the store gave it, its current status and the
 * complete audit trail of status changes, oldest first (empty while it has never changed).
 */
public record ModelVersion(ModelDefinition definition, int version, ModelStatus status, List<StatusChange> history) {
    public ModelVersion {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
        ModelStatus expected = history.isEmpty() ? ModelStatus.CANDIDATE : history.get(history.size() - 1).to();
        if (status != expected) {
            throw new IllegalArgumentException("model " + definition.name() + ":" + version + " has status " + status.key()
                    + " but its audit trail ends at " + expected.key());
        }
        new ModelKey(definition.name(), version);
    }

    public ModelKey key() {
        return new ModelKey(definition.name(), version);
    }

    public String name() {
        return definition.name();
    }

    public Regime regime() {
        return definition.regime();
    }

    public ModelMetrics metrics() {
        return definition.metrics();
    }

    /** This version after one more status change. */
    public ModelVersion with(StatusChange change) {
        if (change.from() != status) {
            throw new IllegalArgumentException("model " + key() + " is " + status.key() + ", not " + change.from().key());
        }
        var longer = new ArrayList<>(history);
        longer.add(change);
        return new ModelVersion(definition, version, change.to(), longer);
    }
}
