package io.huracan.domain.registry;

import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.testkit.registry.InMemoryModelStore;
import io.huracan.testkit.registry.ModelFixtures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionPolicyTest {
    private static final PromotionRules RULES = new PromotionRules(2, 50, 0.2, 0.5);
    private static final Instant AT = Instant.parse("2025-03-02T09:00:00Z");

    private final InMemoryModelStore store = new InMemoryModelStore();
    private final PromotionPolicy policy = new PromotionPolicy(RULES);

    @Test
    void candidatesMustPassTheTradeCountAndDrawdownGates() {
        ModelVersion fewTrades = store.register(model("few", 3.0, 49, 0.10));
        ModelVersion deepDrawdown = store.register(model("deep", 3.0, 500, 0.25));
        ModelVersion atTheGates = store.register(model("edge", 0.1, 50, 0.20));

        assertThat(store.promote(fewTrades.key(), policy, AT))
                .isEqualTo(new PromotionResult.Refused(fewTrades, "trade count 49 is below min_trades 50"));
        assertThat(store.promote(deepDrawdown.key(), policy, AT))
                .isEqualTo(new PromotionResult.Refused(deepDrawdown, "max drawdown 25.0% is worse than max_drawdown 20.0%"));
        assertThat(store.promote(atTheGates.key(), policy, AT)).isInstanceOf(PromotionResult.Promoted.class);
    }

    @Test
    void withNActiveACandidateMustBeatTheWorst() {
        ModelVersion a = store.register(model("a", 1.0, 100, 0.1));
        ModelVersion b = store.register(model("b", 2.0, 100, 0.1));
        store.promote(a.key(), policy, AT);
        store.promote(b.key(), policy, AT);
        ModelVersion tie = store.register(model("tie", 1.0, 100, 0.1));
        ModelVersion better = store.register(model("better", 1.5, 100, 0.1));

        assertThat(store.promote(tie.key(), policy, AT)).isEqualTo(new PromotionResult.Refused(tie,
                "sharpe 1.00 does not beat the worst of the 2 active in ranging: a:1 (sharpe 1.00)"));
        PromotionResult promoted = store.promote(better.key(), policy, AT);

        assertThat(promoted).isInstanceOfSatisfying(PromotionResult.Promoted.class, result -> {
            assertThat(result.promoted().history().get(0).reason())
                    .isEqualTo("ranked 2 of 2 in ranging (sharpe 1.50, 100 trades, max drawdown 10.0%)");
            assertThat(result.displaced()).extracting(ModelVersion::key).containsExactly(a.key());
            assertThat(result.displaced().get(0).history().get(1).reason())
                    .isEqualTo("displaced by better:1 (sharpe 1.50 > 1.00)");
        });
    }

    @Test
    void equalSharpeIsRankedByTradeCount() {
        ModelVersion thin = store.register(model("thin", 1.0, 60, 0.1));
        ModelVersion other = store.register(model("other", 3.0, 60, 0.1));
        store.promote(thin.key(), policy, AT);
        store.promote(other.key(), policy, AT);
        ModelVersion deeper = store.register(model("deeper", 1.0, 600, 0.1));

        assertThat(store.promote(deeper.key(), policy, AT)).isInstanceOf(PromotionResult.Promoted.class);
        assertThat(store.get(thin.key()).status()).isEqualTo(ModelStatus.INACTIVE);
    }

    /** Whatever order candidates arrive in, the active set ends as the best N eligible ones of each regime. */
    @Property(tries = 200)
    void theActiveSetIsAlwaysTheBestEligible(@ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = -2, max = 4) Double> sharpes,
                                             @ForAll @IntRange(min = 1, max = 4) int bestN) {
        var rules = new PromotionRules(bestN, 50, 0.2, 0.5);
        var fresh = new InMemoryModelStore();
        List<ModelVersion> eligible = new ArrayList<>();
        for (int i = 0; i < sharpes.size(); i++) {
            Regime regime = i % 3 == 0 ? Regime.RANGING : Regime.HIGH_VOLATILITY;
            int trades = i % 4 == 3 ? 10 : 100;
            ModelVersion model = fresh.register(model("m" + i, regime, sharpes.get(i), trades, 0.1));
            if (trades >= 50) {
                eligible.add(model);
            }
            fresh.promote(model.key(), new PromotionPolicy(rules), AT);
            for (Regime r : Regime.values()) {
                assertThat(fresh.find(ModelQuery.active(r))).hasSizeLessThanOrEqualTo(bestN);
            }
        }
        for (Regime regime : Regime.values()) {
            List<String> best = eligible.stream().filter(model -> model.regime() == regime)
                    .sorted(ModelRanking.BEST_FIRST).limit(bestN).map(model -> model.key().toString()).toList();
            assertThat(fresh.find(ModelQuery.active(regime))).extracting(model -> model.key().toString())
                    .containsExactlyInAnyOrderElementsOf(best);
        }
    }

    @Test
    void liveDecayDemotesOnlyOnEnoughEvidence() {
        var registry = new ModelRegistry(store, RULES, new FixedClock());
        ModelVersion model = store.register(model("live", 2.0, 100, 0.1));
        registry.promote(model.key());

        assertThat(registry.reviewLive(model.key(), live(0.5, 49, 0.05))).as("49 trades say too little").isEmpty();
        assertThat(registry.reviewLive(model.key(), live(1.0, 80, 0.05))).as("1.0 is exactly 0.5 x 2.0").isEmpty();
        assertThat(registry.reviewLive(model.key(), live(0.99, 80, 0.05))).hasValueSatisfying(demoted -> {
            assertThat(demoted.status()).isEqualTo(ModelStatus.INACTIVE);
            assertThat(demoted.history().get(1).reason()).isEqualTo("live sharpe 0.99 over 80 trades fell below"
                    + " decay_ratio 0.5 x out-of-sample sharpe 2.00 = 1.00");
            assertThat(demoted.history().get(1).at()).isEqualTo(Instant.parse("2025-03-02T10:00:00.000123Z"));
        });
    }

    @Test
    void liveDrawdownBeyondTheGateDemotes() {
        assertThat(new DecayCheck(RULES).demotionReason(store.register(model("dd", 2.0, 100, 0.1)), live(2.5, 60, 0.21)))
                .hasValue("live max drawdown 21.0% is worse than max_drawdown 20.0%");
    }

    private static ModelMetrics live(double sharpe, int trades, double drawdown) {
        return new ModelMetrics(sharpe, sharpe, 0.5, drawdown, trades, 1.0);
    }

    private static ModelDefinition model(String name, double sharpe, int trades, double drawdown) {
        return model(name, Regime.RANGING, sharpe, trades, drawdown);
    }

    private static ModelDefinition model(String name, Regime regime, double sharpe, int trades, double drawdown) {
        ModelDefinition base = ModelFixtures.linear(name, regime, sharpe);
        return new ModelDefinition(name, base.kind(), regime, base.features(), base.parameters(), base.artifact(),
                base.trainingWindow(), base.createdAt(), base.trainedBy(),
                new ModelMetrics(sharpe, sharpe, 0.5, drawdown, trades, 2.0));
    }

    private static final class FixedClock implements io.huracan.ports.time.EngineClock {
        @Override
        public long epochMicros() {
            return Instant.parse("2025-03-02T10:00:00Z").getEpochSecond() * 1_000_000L + 123;
        }

        @Override
        public long monotonicNanos() {
            return 0;
        }
    }
}
