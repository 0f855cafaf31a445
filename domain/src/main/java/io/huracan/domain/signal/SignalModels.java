package io.huracan.domain.signal;

import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelVersion;

/** Builds the runnable model for a stored version, by its kind. */
public final class SignalModels {
    private SignalModels() {
    }

    /** @throws IllegalArgumentException naming the model if its kind is unknown or its parameters do not fit it */
    public static SignalModel load(ModelVersion version) {
        ModelDefinition definition = version.definition();
        if (!LinearModelParameters.KIND.equals(definition.kind())) {
            throw new IllegalArgumentException("model " + version.key() + " has kind '" + definition.kind()
                    + "', which the engine cannot run; allowed: " + LinearModelParameters.KIND);
        }
        try {
            var parameters = LinearModelParameters.fromArray(definition.parameters(), definition.features().size());
            return new LinearSignalModel(version.key(), definition.features(), parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model " + version.key() + ": " + e.getMessage(), e);
        }
    }
}
