package io.huracan.domain.registry;

import static io.huracan.ports.config.ConfigChecks.inHalfOpenRange;
import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * The model-registry promotion policy's configuration ({@code engine.registry.promotion}).
 *
 * @param bestN              active models kept per regime
 * @param minTrades          out-of-sample trades a candidate needs before it can be promoted
 * @param maxDrawdown        a candidate whose out-of-sample drawdown is worse than this fraction is not promoted
 * @param decayRatio         an active model whose live Sharpe falls below this fraction of its out-of-sample Sharpe
 *                           is demoted
 */
public record PromotionRules(int bestN, int minTrades, double maxDrawdown, double decayRatio) {
    public PromotionRules {
        positive("best_n", bestN);
        positive("min_trades", minTrades);
        inHalfOpenRange("max_drawdown", maxDrawdown, 0, 1);
        inHalfOpenRange("decay_ratio", decayRatio, 0, 1);
    }
}
