package io.huracan.ports.registry;

import java.util.List;

/** A {@link PromotionDecider}'s verdict on one candidate. */
public sealed interface PromotionDecision {

    String reason();

    /** Make the candidate active, benching each displaced active model with its own reason. */
    record Promote(String reason, List<Displacement> displaced) implements PromotionDecision {
        public Promote {
            displaced = List.copyOf(displaced);
        }
    }

    /** Leave everything as it is. */
    record Refuse(String reason) implements PromotionDecision {
    }

    /** An active model the promotion pushes out of the best N. */
    record Displacement(ModelKey key, String reason) {
    }
}
