package io.huracan.domain.registry;

import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionDecider;
import io.huracan.ports.registry.PromotionDecision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the best N models active per regime (docs/model-registry.md). A candidate must pass two gates on its
 * out-of-sample evidence (at least {@code min_trades} trades, drawdown at most {@code max_drawdown}); then it is
 * ranked with the active models by {@link ModelRanking}, and it is promoted only if it lands in the top N, which
 * with N active means it beats the worst of them. Active models pushed out of the top N are benched. The store
 * calls this under its regime lock, so the active list is current.
 */
public final class PromotionPolicy implements PromotionDecider {
    private final PromotionRules rules;

    public PromotionPolicy(PromotionRules rules) {
        this.rules = rules;
    }

    @Override
    public int maxActivePerRegime() {
        return rules.bestN();
    }

    @Override
    public PromotionDecision decide(ModelVersion candidate, List<ModelVersion> activeInRegime) {
        ModelMetrics metrics = candidate.metrics();
        if (metrics.tradeCount() < rules.minTrades()) {
            return new PromotionDecision.Refuse("trade count " + metrics.tradeCount() + " is below min_trades "
                    + rules.minTrades());
        }
        if (metrics.maxDrawdown() > rules.maxDrawdown()) {
            return new PromotionDecision.Refuse("max drawdown " + percent(metrics.maxDrawdown())
                    + " is worse than max_drawdown " + percent(rules.maxDrawdown()));
        }
        List<ModelVersion> ranked = new ArrayList<>(activeInRegime);
        ranked.add(candidate);
        ranked.sort(ModelRanking.BEST_FIRST);
        int rank = ranked.indexOf(candidate);
        if (rank >= rules.bestN()) {
            ModelVersion worst = ranked.get(rules.bestN() - 1);
            return new PromotionDecision.Refuse("sharpe " + number(metrics.sharpe()) + " does not beat the worst of the "
                    + rules.bestN() + " active in " + candidate.regime().key() + ": " + worst.key() + " (sharpe "
                    + number(worst.metrics().sharpe()) + ")");
        }
        List<PromotionDecision.Displacement> displaced = new ArrayList<>();
        for (ModelVersion pushedOut : ranked.subList(Math.min(rules.bestN(), ranked.size()), ranked.size())) {
            displaced.add(new PromotionDecision.Displacement(pushedOut.key(), "displaced by " + candidate.key()
                    + " (sharpe " + number(metrics.sharpe()) + " > " + number(pushedOut.metrics().sharpe()) + ")"));
        }
        String reason = "ranked " + (rank + 1) + " of " + Math.min(ranked.size(), rules.bestN()) + " in "
                + candidate.regime().key() + " (sharpe " + number(metrics.sharpe()) + ", " + metrics.tradeCount()
                + " trades, max drawdown " + percent(metrics.maxDrawdown()) + ")";
        return new PromotionDecision.Promote(reason, displaced);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
