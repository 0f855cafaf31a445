package io.huracan.ports.registry;

import java.util.List;

/**
 * The promotion policy as a store sees it. A store calls {@link #decide} while it holds the candidate's regime
 * locked (a file lock, a row lock), with the active set as it is at that instant, and applies the decision in
 * the same lock or transaction; so the policy lives in the domain while the store alone guarantees that
 * concurrent promoters cannot both act on a stale active set.
 */
public interface PromotionDecider {

    /** The most models a regime may have active; a store refuses to commit a decision that would exceed it. */
    int maxActivePerRegime();

    /**
     * @param candidate        the version to promote, as currently stored (candidate or inactive)
     * @param activeInRegime   the versions active in the candidate's regime, locked against change
     */
    PromotionDecision decide(ModelVersion candidate, List<ModelVersion> activeInRegime);
}
