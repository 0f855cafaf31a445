package io.huracan.domain.registry;

import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelVersion;

import java.util.Optional;

/**
 * Demotion of an active model whose live results decay: once it has {@code min_trades} live trades, it is benched
 * if its live Sharpe falls below {@code decay_ratio} times its out-of-sample Sharpe, or if its live drawdown is
 * worse than {@code max_drawdown} (the gate it had to pass to be promoted). Fewer live trades say too little to
 * act on.
 */
public final class DecayCheck {
    private final PromotionRules rules;

    public DecayCheck(PromotionRules rules) {
        this.rules = rules;
    }

    /** The reason to demote {@code model} given its {@code live} metrics, or empty to keep it. */
    public Optional<String> demotionReason(ModelVersion model, ModelMetrics live) {
        if (live.tradeCount() < rules.minTrades()) {
            return Optional.empty();
        }
        double floor = rules.decayRatio() * model.metrics().sharpe();
        if (live.sharpe() < floor) {
            return Optional.of("live sharpe " + PromotionPolicy.number(live.sharpe()) + " over " + live.tradeCount()
                    + " trades fell below decay_ratio " + rules.decayRatio() + " x out-of-sample sharpe "
                    + PromotionPolicy.number(model.metrics().sharpe()) + " = " + PromotionPolicy.number(floor));
        }
        if (live.maxDrawdown() > rules.maxDrawdown()) {
            return Optional.of("live max drawdown " + PromotionPolicy.percent(live.maxDrawdown())
                    + " is worse than max_drawdown " + PromotionPolicy.percent(rules.maxDrawdown()));
        }
        return Optional.empty();
    }
}
