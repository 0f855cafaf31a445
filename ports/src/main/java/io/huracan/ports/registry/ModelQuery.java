package io.huracan.ports.registry;

import io.huracan.ports.market.Regime;

import java.util.Optional;

/** Which versions {@link ModelStore#find} returns; an empty filter matches everything. */
public record ModelQuery(Optional<String> name, Optional<Regime> regime, Optional<ModelStatus> status) {
    public static final ModelQuery ALL = new ModelQuery(Optional.empty(), Optional.empty(), Optional.empty());

    public ModelQuery {
        name.ifPresent(ModelKey::checkName);
    }

    public static ModelQuery active(Regime regime) {
        return ALL.withRegime(regime).withStatus(ModelStatus.ACTIVE);
    }

    public ModelQuery withName(String value) {
        return new ModelQuery(Optional.of(value), regime, status);
    }

    public ModelQuery withRegime(Regime value) {
        return new ModelQuery(name, Optional.of(value), status);
    }

    public ModelQuery withStatus(ModelStatus value) {
        return new ModelQuery(name, regime, Optional.of(value));
    }

    public boolean matches(ModelVersion model) {
        return name.map(model.name()::equals).orElse(true)
                && regime.map(value -> value == model.regime()).orElse(true)
                && status.map(value -> value == model.status()).orElse(true);
    }
}
