package io.huracan.domain.registry;

import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.ports.time.EngineClock;

import java.time.Instant;
import java.util.Optional;

/**
 * The registry's use cases over any {@link ModelStore}: promotion under {@link PromotionPolicy}, demotion by
 * {@link DecayCheck} or by hand, retirement. Time comes from the engine clock.
 */
public final class ModelRegistry {
    private final ModelStore store;
    private final PromotionPolicy policy;
    private final DecayCheck decay;
    private final EngineClock clock;

    public ModelRegistry(ModelStore store, PromotionRules rules, EngineClock clock) {
        this.store = store;
        this.policy = new PromotionPolicy(rules);
        this.decay = new DecayCheck(rules);
        this.clock = clock;
    }

    public PromotionResult promote(ModelKey key) {
        return store.promote(key, policy, now());
    }

    /** Benches an active model whose live metrics decayed; returns the stored version if it was demoted. */
    public Optional<ModelVersion> reviewLive(ModelKey key, ModelMetrics live) {
        ModelVersion model = store.get(key);
        if (model.status() != ModelStatus.ACTIVE) {
            return Optional.empty();
        }
        return decay.demotionReason(model, live)
                .map(reason -> store.changeStatus(key, ModelStatus.INACTIVE, reason, now()));
    }

    public ModelVersion deactivate(ModelKey key, String reason) {
        return store.changeStatus(key, ModelStatus.INACTIVE, reason, now());
    }

    public ModelVersion retire(ModelKey key, String reason) {
        return store.changeStatus(key, ModelStatus.RETIRED, reason, now());
    }

    private Instant now() {
        long micros = clock.epochMicros();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
