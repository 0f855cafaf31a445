package io.huracan.domain.retraining;

import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.registry.PromotionRules;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.testkit.registry.InMemoryModelStore;
import io.huracan.testkit.registry.ModelFixtures;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RetrainingSchedulerTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T05:00:00Z"));
    private final InMemoryModelStore models = new InMemoryModelStore();
    private final ModelRegistry registry = new ModelRegistry(models, new PromotionRules(2, 10, 0.5, 0.5), clock);
    private final List<RetrainingJob> submitted = new ArrayList<>();
    private List<Set<Coin>> coinSets = List.of(Set.of(Coin.of("BTC")), Set.of(Coin.of("ETH"), Coin.of("SOL")));

    private RetrainingScheduler scheduler(LocalRetrainingExecutor executor) {
        return new RetrainingScheduler(CronSchedule.parse("0 */6 * * *"), executor, registry, clock,
                () -> coinSets, Duration.ofDays(7), Duration.ofHours(1));
    }

    private LocalRetrainingExecutor executor() {
        return new LocalRetrainingExecutor(job -> {
            synchronized (submitted) {
                submitted.add(job);
            }
            return RetrainingResult.skipped(job.id(), 0, "test");
        }, 2, new LocalRetrainingExecutorTest.SavedStates(), clock);
    }

    @Test
    void theScheduleSubmitsEveryCoinSetInEveryRegimeOncePerFiring() throws Exception {
        try (var executor = executor()) {
            var scheduler = scheduler(executor);
            assertThat(scheduler.tick()).isEmpty();
            clock.advance(Duration.ofHours(1));

            var firing = scheduler.tick();
            assertThat(scheduler.tick()).isEmpty();
            for (var future : firing) {
                future.get(5, TimeUnit.SECONDS);
            }

            assertThat(firing).hasSize(8);
            assertThat(scheduler.nextRun()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
            assertThat(submitted).allSatisfy(job -> {
                assertThat(job.trigger()).isEqualTo(RetrainingTrigger.SCHEDULE);
                assertThat(job.window().to()).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
                assertThat(job.window().from()).isEqualTo(Instant.parse("2026-02-23T06:00:00Z"));
            });
            assertThat(submitted).extracting(RetrainingJob::key).containsExactlyInAnyOrder(
                    "trending_up/BTC", "trending_down/BTC", "ranging/BTC", "high_volatility/BTC",
                    "trending_up/ETH,SOL", "trending_down/ETH,SOL", "ranging/ETH,SOL", "high_volatility/ETH,SOL");
        }
    }

    @Test
    void aRegimeChangeRetrainsTheSetsHoldingTheCoin() throws Exception {
        try (var executor = executor()) {
            var futures = scheduler(executor).onRegimeChange(Coin.of("SOL"), Regime.HIGH_VOLATILITY);
            for (var future : futures) {
                future.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(submitted).singleElement().satisfies(job -> {
            assertThat(job.key()).isEqualTo("high_volatility/ETH,SOL");
            assertThat(job.trigger()).isEqualTo(RetrainingTrigger.REGIME_CHANGE);
        });
    }

    @Test
    void aDecayedActiveModelIsBenchedAndItsRegimeRetrained() throws Exception {
        var version = models.register(ModelFixtures.linear("momentum", Regime.TRENDING_UP, 2.0));
        registry.promote(version.key());
        try (var executor = executor()) {
            var scheduler = scheduler(executor);
            assertThat(scheduler.onLiveMetrics(version.key(), new ModelMetrics(1.5, 1.5, 0.6, 0.1, 100, 3.0))).isEmpty();

            var futures = scheduler.onLiveMetrics(version.key(), new ModelMetrics(0.5, 0.5, 0.5, 0.1, 100, 1.0));
            for (var future : futures) {
                future.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(models.get(version.key()).status()).isEqualTo(ModelStatus.INACTIVE);
        assertThat(submitted).extracting(RetrainingJob::key)
                .containsExactlyInAnyOrder("trending_up/BTC", "trending_up/ETH,SOL");
        assertThat(submitted).allSatisfy(job -> assertThat(job.trigger()).isEqualTo(RetrainingTrigger.DECAY));
    }

    @Test
    void aTriggerDoesNotRetrainAKeyAgainWithinTheCooldown() throws Exception {
        try (var executor = executor()) {
            var scheduler = scheduler(executor);
            // each job ends before the next trigger, so that none joins a busy one
            finish(scheduler.onRegimeChange(Coin.of("BTC"), Regime.RANGING));
            clock.advance(Duration.ofMinutes(59));
            assertThat(scheduler.onRegimeChange(Coin.of("BTC"), Regime.RANGING)).isEmpty();
            finish(scheduler.onRegimeChange(Coin.of("BTC"), Regime.HIGH_VOLATILITY));
            clock.advance(Duration.ofMinutes(1));
            finish(scheduler.onRegimeChange(Coin.of("BTC"), Regime.RANGING));
        }
        assertThat(submitted).extracting(RetrainingJob::key)
                .containsExactly("ranging/BTC", "high_volatility/BTC", "ranging/BTC");
    }

    private static void finish(List<java.util.concurrent.CompletableFuture<RetrainingResult>> futures) throws Exception {
        assertThat(futures).hasSize(1);
        for (var future : futures) {
            future.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCoinSetsAreAskedForAtEachFiring() throws Exception {
        try (var executor = executor()) {
            var scheduler = scheduler(executor);
            coinSets = List.of();
            clock.advance(Duration.ofHours(1));
            assertThat(scheduler.tick()).isEmpty();

            coinSets = List.of(Set.of(Coin.of("ADA")));
            clock.advance(Duration.ofHours(6));
            for (var future : scheduler.tick()) {
                future.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(submitted).extracting(RetrainingJob::key).containsExactlyInAnyOrder("trending_up/ADA",
                "trending_down/ADA", "ranging/ADA", "high_volatility/ADA");
    }
}
