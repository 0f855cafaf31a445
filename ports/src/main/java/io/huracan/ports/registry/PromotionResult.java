package io.huracan.ports.registry;

import java.util.List;

/** What {@link ModelStore#promote} did, with the versions as stored afterwards. */
public sealed interface PromotionResult {

    /** The candidate is active; {@code displaced} were benched to keep the regime within its limit. */
    record Promoted(ModelVersion promoted, List<ModelVersion> displaced) implements PromotionResult {
        public Promoted {
            displaced = List.copyOf(displaced);
        }
    }

    /** Nothing changed. */
    record Refused(ModelVersion candidate, String reason) implements PromotionResult {
    }
}
