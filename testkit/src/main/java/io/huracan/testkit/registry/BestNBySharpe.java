package io.huracan.testkit.registry;

import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionDecider;
import io.huracan.ports.registry.PromotionDecision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A plain reference decider for store tests (the engine's own policy, with its gates, is in the domain): keep the
 * {@code n} highest out-of-sample Sharpes per regime, displacing whoever falls out.
 */
public record BestNBySharpe(int n) implements PromotionDecider {
    static final Comparator<ModelVersion> BEST_FIRST = Comparator
            .comparingDouble((ModelVersion model) -> -model.metrics().sharpe()).thenComparing(ModelVersion::key);

    @Override
    public int maxActivePerRegime() {
        return n;
    }

    @Override
    public PromotionDecision decide(ModelVersion candidate, List<ModelVersion> activeInRegime) {
        List<ModelVersion> ranked = new ArrayList<>(activeInRegime);
        ranked.add(candidate);
        ranked.sort(BEST_FIRST);
        if (ranked.indexOf(candidate) >= n) {
            return new PromotionDecision.Refuse("not in the best " + n);
        }
        return new PromotionDecision.Promote("in the best " + n, ranked.subList(Math.min(n, ranked.size()), ranked.size()).stream()
                .map(out -> new PromotionDecision.Displacement(out.key(), "displaced by " + candidate.key()))
                .toList());
    }
}
