package io.huracan.ports.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status changes one promotion makes, checked against the locked snapshot it was decided on. Every store
 * builds its plan here, so all of them refuse the same bad decisions in the same words; the store then writes
 * {@link #changes()} in one lock or transaction ({@link #displaced()} first, so an interrupted file store errs
 * towards fewer active models, never more).
 *
 * @param candidate the candidate as read under the lock
 * @param decision  the decider's verdict
 * @param displaced active models being benched, each after its change
 * @param promoted  the candidate after its change, or null when refused
 */
public record PromotionPlan(ModelVersion candidate, PromotionDecision decision, List<ModelVersion> displaced,
                            ModelVersion promoted) {

    public PromotionPlan {
        displaced = List.copyOf(displaced);
    }

    /**
     * Asks {@code decider} about {@code candidate} given {@code activeInRegime} and checks the answer.
     *
     * @throws ModelStoreException ILLEGAL_TRANSITION if the candidate cannot become active, INVALID_DECISION if the
     *                             decision displaces a model that is not active or leaves too many active
     */
    public static PromotionPlan decide(ModelVersion candidate, List<ModelVersion> activeInRegime,
                                       PromotionDecider decider, Instant at) {
        if (!candidate.status().canMoveTo(ModelStatus.ACTIVE)) {
            throw new ModelStoreException(ModelStoreException.Kind.ILLEGAL_TRANSITION, "model " + candidate.key()
                    + " is " + candidate.status().key() + "; only candidate or inactive models can be promoted");
        }
        PromotionDecision decision = decider.decide(candidate, activeInRegime);
        if (decision instanceof PromotionDecision.Refuse) {
            return new PromotionPlan(candidate, decision, List.of(), null);
        }
        var promote = (PromotionDecision.Promote) decision;
        Map<ModelKey, ModelVersion> active = new HashMap<>();
        activeInRegime.forEach(model -> active.put(model.key(), model));
        List<ModelVersion> displaced = new ArrayList<>();
        for (PromotionDecision.Displacement displacement : promote.displaced()) {
            ModelVersion model = active.remove(displacement.key());
            if (model == null) {
                throw new ModelStoreException(ModelStoreException.Kind.INVALID_DECISION, "promotion of " + candidate.key()
                        + " displaces " + displacement.key() + ", which is not active in " + candidate.regime().key());
            }
            displaced.add(model.with(new StatusChange(ModelStatus.ACTIVE, ModelStatus.INACTIVE, at, displacement.reason())));
        }
        int activeAfter = active.size() + 1;
        if (activeAfter > decider.maxActivePerRegime()) {
            throw new ModelStoreException(ModelStoreException.Kind.INVALID_DECISION, "promotion of " + candidate.key()
                    + " would leave " + activeAfter + " models active in " + candidate.regime().key()
                    + "; at most " + decider.maxActivePerRegime() + " allowed");
        }
        ModelVersion promoted = candidate.with(new StatusChange(candidate.status(), ModelStatus.ACTIVE, at, decision.reason()));
        return new PromotionPlan(candidate, decision, displaced, promoted);
    }

    public boolean refused() {
        return promoted == null;
    }

    /** The versions to write, displaced ones first. */
    public List<ModelVersion> changes() {
        List<ModelVersion> changes = new ArrayList<>(displaced);
        if (promoted != null) {
            changes.add(promoted);
        }
        return changes;
    }

    public PromotionResult result() {
        return refused() ? new PromotionResult.Refused(candidate, decision.reason())
                : new PromotionResult.Promoted(promoted, displaced);
    }

    /** Checks a manual status change ({@link ModelStore#changeStatus}) and returns the version after it. */
    public static ModelVersion manualChange(ModelVersion model, ModelStatus to, String reason, Instant at) {
        if (to == ModelStatus.ACTIVE) {
            throw new ModelStoreException(ModelStoreException.Kind.ILLEGAL_TRANSITION,
                    "model " + model.key() + " can become active only through promotion");
        }
        if (!model.status().canMoveTo(to)) {
            throw new ModelStoreException(ModelStoreException.Kind.ILLEGAL_TRANSITION, "model " + model.key() + " is "
                    + model.status().key() + " and cannot become " + to.key());
        }
        return model.with(new StatusChange(model.status(), to, at, reason));
    }
}
