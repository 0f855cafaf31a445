package io.huracan.domain.registry;

import io.huracan.ports.registry.ModelVersion;

import java.util.Comparator;

/**
 * The order models compete in, best first: higher out-of-sample Sharpe, then more trades behind it (the same
 * Sharpe on more evidence is worth more), then the older key, so that a tie never displaces an incumbent.
 */
public final class ModelRanking {
    public static final Comparator<ModelVersion> BEST_FIRST = Comparator
            .comparingDouble((ModelVersion model) -> model.metrics().sharpe()).reversed()
            .thenComparing(Comparator.comparingInt((ModelVersion model) -> model.metrics().tradeCount()).reversed())
            .thenComparing(ModelVersion::key);

    private ModelRanking() {
    }
}
