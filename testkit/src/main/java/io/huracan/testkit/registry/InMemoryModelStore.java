package io.huracan.testkit.registry;

import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionDecider;
import io.huracan.ports.registry.PromotionPlan;
import io.huracan.ports.registry.PromotionResult;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link ModelStore} in a map, one lock for everything: a fake for domain tests; it passes the contract too.
 * {@link #damage} injects the fault a real store meets when a document is corrupt.
 */
public final class InMemoryModelStore implements ModelStore {
    private final Map<ModelKey, ModelVersion> versions = new TreeMap<>();
    private final Set<ModelKey> damaged = new HashSet<>();

    /** From now on, reading {@code key} fails as a corrupt document would. */
    public synchronized void damage(ModelKey key) {
        damaged.add(key);
    }

    @Override
    public synchronized ModelVersion register(ModelDefinition definition) {
        int next = versions.keySet().stream().filter(key -> key.name().equals(definition.name()))
                .mapToInt(ModelKey::version).max().orElse(0) + 1;
        ModelVersion version = new ModelVersion(definition, next, ModelStatus.CANDIDATE, List.of());
        versions.put(version.key(), version);
        return version;
    }

    @Override
    public synchronized ModelVersion get(ModelKey key) {
        ModelVersion version = versions.get(key);
        if (version == null) {
            throw ModelStoreException.unknown(key);
        }
        return readable(version);
    }

    @Override
    public synchronized ModelVersion latest(String name) {
        return versions.values().stream().filter(version -> version.name().equals(name))
                .reduce((first, second) -> second).map(this::readable).orElseThrow(() -> ModelStoreException.unknown(name));
    }

    @Override
    public synchronized List<ModelVersion> find(ModelQuery query) {
        return versions.values().stream().map(this::readable).filter(query::matches).toList();
    }

    private ModelVersion readable(ModelVersion version) {
        if (damaged.contains(version.key())) {
            throw new ModelStoreException(ModelStoreException.Kind.CORRUPT_DOCUMENT, "model " + version.key() + " is damaged");
        }
        return version;
    }

    @Override
    public synchronized PromotionResult promote(ModelKey candidate, PromotionDecider decider, Instant at) {
        ModelVersion model = get(candidate);
        PromotionPlan plan = PromotionPlan.decide(model, find(ModelQuery.active(model.regime())), decider, at);
        plan.changes().forEach(changed -> versions.put(changed.key(), changed));
        return plan.result();
    }

    @Override
    public synchronized ModelVersion changeStatus(ModelKey key, ModelStatus to, String reason, Instant at) {
        ModelVersion changed = PromotionPlan.manualChange(get(key), to, reason, at);
        versions.put(key, changed);
        return changed;
    }
}
