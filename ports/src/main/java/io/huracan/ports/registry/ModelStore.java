package io.huracan.ports.registry;

import java.time.Instant;
import java.util.List;

/**
 * The model registry: versioned models with their evidence, status and audit trail. Every implementation
 * passes {@code io.huracan.testkit.registry.ModelStoreContract}: versions are numbered 1, 2, 3... per name with
 * no gaps or repeats even under concurrent registration; everything registered reads back equal; promotions
 * are serialised per regime so the decider's limit holds under concurrent promoters; every status change is in
 * the audit trail. Failures are {@link ModelStoreException}s.
 */
public interface ModelStore {

    /** Stores a new version of {@code definition.name()} as a candidate and returns it with its number. */
    ModelVersion register(ModelDefinition definition);

    /** @throws ModelStoreException UNKNOWN_MODEL or CORRUPT_DOCUMENT */
    ModelVersion get(ModelKey key);

    /** The highest version of {@code name}. @throws ModelStoreException UNKNOWN_MODEL if it has none */
    ModelVersion latest(String name);

    /** The versions matching {@code query}, ordered by name then version. */
    List<ModelVersion> find(ModelQuery query);

    /**
     * Locks the candidate's regime, asks {@code decider} on the current active set and applies its decision in
     * the same lock or transaction (see {@link PromotionPlan}).
     */
    PromotionResult promote(ModelKey candidate, PromotionDecider decider, Instant at);

    /**
     * Benches ({@code INACTIVE}) or retires a model, recording {@code reason}; making a model active is
     * {@link #promote}'s job. @throws ModelStoreException ILLEGAL_TRANSITION, UNKNOWN_MODEL
     */
    ModelVersion changeStatus(ModelKey key, ModelStatus to, String reason, Instant at);
}
