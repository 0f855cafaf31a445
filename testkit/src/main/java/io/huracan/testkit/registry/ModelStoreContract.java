package io.huracan.testkit.registry;

import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionDecider;
import io.huracan.ports.registry.PromotionDecision;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.ports.registry.StatusChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static io.huracan.testkit.registry.ModelFixtures.linear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ModelStore} must do. An adapter's test extends this and says how to open a store over fresh,
 * empty state, how to open another instance over the same state (another process or connection would), and how
 * to damage one stored version.
 */
public abstract class ModelStoreContract {
    private static final Instant T0 = Instant.parse("2025-03-02T09:00:00.000001Z");

    protected ModelStore store;

    /** A store over fresh, empty state, used by the test that follows. */
    protected abstract ModelStore openFreshStore() throws Exception;

    /** Another instance over the state of the last {@link #openFreshStore()}, as another process would see it. */
    protected abstract ModelStore openSameStore() throws Exception;

    /** Damages the stored form of {@code key} so that it can no longer be read as a model version. */
    protected abstract void corrupt(ModelKey key) throws Exception;

    @BeforeEach
    final void freshStore() throws Exception {
        store = openFreshStore();
    }

    @Test
    void versionsAreNumberedFromOnePerName() {
        assertThat(store.register(linear("alpha", Regime.RANGING, 1.0)).key()).isEqualTo(ModelKey.of("alpha", 1));
        assertThat(store.register(linear("beta", Regime.RANGING, 1.0)).key()).isEqualTo(ModelKey.of("beta", 1));
        assertThat(store.register(linear("alpha", Regime.RANGING, 1.0)).key()).isEqualTo(ModelKey.of("alpha", 2));
        assertThat(store.latest("alpha").version()).isEqualTo(2);
    }

    @Test
    void aNewVersionIsACandidateWithAnEmptyAuditTrail() {
        ModelVersion registered = store.register(linear("alpha", Regime.TRENDING_UP, 1.0));

        assertThat(registered.status()).isEqualTo(ModelStatus.CANDIDATE);
        assertThat(registered.history()).isEmpty();
    }

    @Test
    void everyFieldRoundTripsThroughAnotherInstance() throws Exception {
        ModelDefinition plain = linear("alpha", Regime.TRENDING_DOWN, 1.25);
        ModelDefinition unusual = ModelFixtures.withArtifact("beta.v2_x", Regime.HIGH_VOLATILITY);
        ModelVersion first = store.register(plain);
        ModelVersion second = store.register(unusual);
        store.promote(first.key(), new BestNBySharpe(2), T0);
        store.changeStatus(first.key(), ModelStatus.INACTIVE, "live sharpe decayed: 0.20 < 0.5 x 1.25", T0.plusSeconds(60));
        store.changeStatus(first.key(), ModelStatus.RETIRED, "superseded, 'quoted' \"reason\" ✓", T0.plusSeconds(120));

        ModelStore other = openSameStore();
        ModelVersion firstBack = other.get(first.key());
        assertThat(firstBack.definition()).isEqualTo(plain);
        assertThat(Double.doubleToRawLongBits(other.get(second.key()).definition().parameters()[0]))
                .as("-0.0 keeps its sign").isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(other.get(second.key())).isEqualTo(second);
        assertThat(firstBack.status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(firstBack.history()).containsExactly(
                new StatusChange(ModelStatus.CANDIDATE, ModelStatus.ACTIVE, T0, "in the best 2"),
                new StatusChange(ModelStatus.ACTIVE, ModelStatus.INACTIVE, T0.plusSeconds(60),
                        "live sharpe decayed: 0.20 < 0.5 x 1.25"),
                new StatusChange(ModelStatus.INACTIVE, ModelStatus.RETIRED, T0.plusSeconds(120),
                        "superseded, 'quoted' \"reason\" ✓"));
        assertThat(other.find(ModelQuery.ALL)).containsExactly(firstBack, second);
    }

    @Test
    void unknownModelsAreClearErrors() {
        store.register(linear("alpha", Regime.RANGING, 1.0));

        assertThatThrownBy(() -> store.get(ModelKey.of("alpha", 2)))
                .isInstanceOfSatisfying(ModelStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelStoreException.Kind.UNKNOWN_MODEL))
                .hasMessage("model alpha:2 does not exist");
        assertThatThrownBy(() -> store.get(ModelKey.of("gamma", 1))).hasMessage("model gamma:1 does not exist");
        assertThatThrownBy(() -> store.latest("gamma")).hasMessage("model gamma has no versions");
        assertThatThrownBy(() -> store.promote(ModelKey.of("gamma", 1), new BestNBySharpe(1), T0))
                .hasMessage("model gamma:1 does not exist");
        assertThatThrownBy(() -> store.changeStatus(ModelKey.of("gamma", 1), ModelStatus.RETIRED, "x", T0))
                .hasMessage("model gamma:1 does not exist");
    }

    @Test
    void findFiltersByNameRegimeAndStatusInKeyOrder() {
        ModelVersion b1 = store.register(linear("beta", Regime.RANGING, 1.0));
        ModelVersion a1 = store.register(linear("alpha", Regime.RANGING, 2.0));
        ModelVersion a2 = store.register(linear("alpha", Regime.TRENDING_UP, 3.0));
        store.promote(a1.key(), new BestNBySharpe(3), T0);

        assertThat(store.find(ModelQuery.ALL)).extracting(ModelVersion::key)
                .containsExactly(a1.key(), a2.key(), b1.key());
        assertThat(store.find(ModelQuery.ALL.withRegime(Regime.RANGING))).extracting(ModelVersion::key)
                .containsExactly(a1.key(), b1.key());
        assertThat(store.find(ModelQuery.active(Regime.RANGING))).extracting(ModelVersion::key).containsExactly(a1.key());
        assertThat(store.find(ModelQuery.ALL.withStatus(ModelStatus.CANDIDATE))).extracting(ModelVersion::key)
                .containsExactly(a2.key(), b1.key());
        assertThat(store.find(ModelQuery.ALL.withName("alpha").withStatus(ModelStatus.CANDIDATE)))
                .extracting(ModelVersion::key).containsExactly(a2.key());
        assertThat(store.find(ModelQuery.ALL.withName("nobody"))).isEmpty();
    }

    @Test
    void promotionFillsTheRegimeThenDisplacesTheWorst() {
        var decider = new BestNBySharpe(2);
        ModelVersion low = store.register(linear("low", Regime.RANGING, 0.5));
        ModelVersion mid = store.register(linear("mid", Regime.RANGING, 1.0));
        ModelVersion high = store.register(linear("high", Regime.RANGING, 2.0));
        ModelVersion elsewhere = store.register(linear("elsewhere", Regime.TRENDING_UP, 0.1));
        store.promote(elsewhere.key(), decider, T0);
        store.promote(low.key(), decider, T0);
        store.promote(mid.key(), decider, T0.plusSeconds(1));

        PromotionResult result = store.promote(high.key(), decider, T0.plusSeconds(2));

        assertThat(result).isInstanceOfSatisfying(PromotionResult.Promoted.class, promoted -> {
            assertThat(promoted.promoted().status()).isEqualTo(ModelStatus.ACTIVE);
            assertThat(promoted.displaced()).extracting(ModelVersion::key).containsExactly(low.key());
        });
        assertThat(store.find(ModelQuery.active(Regime.RANGING))).extracting(ModelVersion::key)
                .containsExactly(high.key(), mid.key());
        assertThat(store.get(low.key()).history()).containsExactly(
                new StatusChange(ModelStatus.CANDIDATE, ModelStatus.ACTIVE, T0, "in the best 2"),
                new StatusChange(ModelStatus.ACTIVE, ModelStatus.INACTIVE, T0.plusSeconds(2), "displaced by high:1"));
        assertThat(store.get(elsewhere.key()).status()).as("another regime is untouched").isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void aRefusedPromotionChangesNothing() {
        var decider = new BestNBySharpe(1);
        ModelVersion strong = store.register(linear("strong", Regime.RANGING, 2.0));
        ModelVersion weak = store.register(linear("weak", Regime.RANGING, 1.0));
        store.promote(strong.key(), decider, T0);

        PromotionResult result = store.promote(weak.key(), decider, T0.plusSeconds(1));

        assertThat(result).isEqualTo(new PromotionResult.Refused(weak, "not in the best 1"));
        assertThat(store.get(weak.key())).isEqualTo(weak);
        assertThat(store.find(ModelQuery.active(Regime.RANGING))).extracting(ModelVersion::key).containsExactly(strong.key());
    }

    @Test
    void onlyCandidateAndInactiveModelsCanBePromoted() {
        ModelVersion model = store.register(linear("alpha", Regime.RANGING, 1.0));
        store.promote(model.key(), new BestNBySharpe(3), T0);

        assertThatThrownBy(() -> store.promote(model.key(), new BestNBySharpe(3), T0))
                .isInstanceOfSatisfying(ModelStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelStoreException.Kind.ILLEGAL_TRANSITION))
                .hasMessage("model alpha:1 is active; only candidate or inactive models can be promoted");

        store.changeStatus(model.key(), ModelStatus.INACTIVE, "benched", T0.plusSeconds(1));
        assertThat(store.promote(model.key(), new BestNBySharpe(3), T0.plusSeconds(2)))
                .isInstanceOf(PromotionResult.Promoted.class);
        store.changeStatus(model.key(), ModelStatus.RETIRED, "gone", T0.plusSeconds(3));
        assertThatThrownBy(() -> store.promote(model.key(), new BestNBySharpe(3), T0.plusSeconds(4)))
                .hasMessage("model alpha:1 is retired; only candidate or inactive models can be promoted");
        assertThat(store.get(model.key()).history()).hasSize(4);
    }

    @Test
    void aDecisionThatBreaksTheLimitIsNotCommitted() {
        ModelVersion first = store.register(linear("first", Regime.RANGING, 1.0));
        ModelVersion second = store.register(linear("second", Regime.RANGING, 2.0));
        ModelVersion bystander = store.register(linear("bystander", Regime.RANGING, 3.0));
        store.promote(first.key(), new BestNBySharpe(1), T0);
        PromotionDecider overfilling = new PromotionDecider() {
            @Override
            public int maxActivePerRegime() {
                return 1;
            }

            @Override
            public PromotionDecision decide(ModelVersion candidate, List<ModelVersion> active) {
                return new PromotionDecision.Promote("no room check", List.of());
            }
        };
        PromotionDecider displacingACandidate = new PromotionDecider() {
            @Override
            public int maxActivePerRegime() {
                return 1;
            }

            @Override
            public PromotionDecision decide(ModelVersion candidate, List<ModelVersion> active) {
                return new PromotionDecision.Promote("wrong victim",
                        List.of(new PromotionDecision.Displacement(bystander.key(), "not active")));
            }
        };

        assertThatThrownBy(() -> store.promote(second.key(), overfilling, T0.plusSeconds(1)))
                .isInstanceOfSatisfying(ModelStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelStoreException.Kind.INVALID_DECISION))
                .hasMessage("promotion of second:1 would leave 2 models active in ranging; at most 1 allowed");
        assertThatThrownBy(() -> store.promote(second.key(), displacingACandidate, T0.plusSeconds(1)))
                .hasMessage("promotion of second:1 displaces bystander:1, which is not active in ranging");
        assertThat(store.find(ModelQuery.ALL.withRegime(Regime.RANGING))).extracting(ModelVersion::status)
                .containsExactly(ModelStatus.CANDIDATE, ModelStatus.ACTIVE, ModelStatus.CANDIDATE);
    }

    @Test
    void manualStatusChangesFollowTheLifecycle() {
        ModelVersion model = store.register(linear("alpha", Regime.RANGING, 1.0));

        assertThatThrownBy(() -> store.changeStatus(model.key(), ModelStatus.ACTIVE, "by hand", T0))
                .isInstanceOfSatisfying(ModelStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelStoreException.Kind.ILLEGAL_TRANSITION))
                .hasMessage("model alpha:1 can become active only through promotion");
        ModelVersion benched = store.changeStatus(model.key(), ModelStatus.INACTIVE, "rejected on review", T0);
        assertThat(benched.status()).isEqualTo(ModelStatus.INACTIVE);
        assertThatThrownBy(() -> store.changeStatus(model.key(), ModelStatus.INACTIVE, "again", T0))
                .hasMessage("model alpha:1 is inactive and cannot become inactive");
        store.changeStatus(model.key(), ModelStatus.RETIRED, "old", T0.plusSeconds(1));
        assertThatThrownBy(() -> store.changeStatus(model.key(), ModelStatus.INACTIVE, "revive", T0))
                .hasMessage("model alpha:1 is retired and cannot become inactive");
        assertThat(store.get(model.key()).history()).extracting(StatusChange::to)
                .containsExactly(ModelStatus.INACTIVE, ModelStatus.RETIRED);
    }

    @Test
    void aCorruptDocumentIsAClearError() throws Exception {
        ModelVersion good = store.register(linear("alpha", Regime.RANGING, 1.0));
        ModelVersion bad = store.register(linear("alpha", Regime.RANGING, 1.0));
        corrupt(bad.key());

        assertThat(store.get(good.key())).isEqualTo(good);
        assertThatThrownBy(() -> store.get(bad.key()))
                .isInstanceOfSatisfying(ModelStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelStoreException.Kind.CORRUPT_DOCUMENT))
                .hasMessageContaining("alpha:2");
        assertThatThrownBy(() -> store.find(ModelQuery.ALL)).isInstanceOf(ModelStoreException.class)
                .hasMessageContaining("alpha:2");
    }

    @Test
    void concurrentRegistrationsGetDistinctConsecutiveVersions() throws Exception {
        int threads = 4;
        int perThread = 12;
        List<ModelStore> instances = instances(threads);
        ConcurrentLinkedQueue<Integer> versions = new ConcurrentLinkedQueue<>();
        runConcurrently(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                versions.add(instances.get(thread).register(linear("shared", Regime.RANGING, i)).version());
            }
        });

        assertThat(versions).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, threads * perThread).boxed().toList());
        assertThat(store.latest("shared").version()).isEqualTo(threads * perThread);
    }

    /**
     * Several promoters (separate instances: processes, connections) race over two regimes. Promotion by best
     * Sharpe is order-independent, so if every decision saw the current active set the survivors are exactly
     * the best N of each regime; a lost update would leave a worse model active or too many.
     */
    @Test
    void concurrentPromotersKeepTheBestNPerRegime() throws Exception {
        int n = 3;
        int threads = 4;
        var decider = new BestNBySharpe(n);
        List<Double> sharpes = new ArrayList<>(IntStream.range(0, 24).mapToObj(i -> i * 0.125).toList());
        Collections.shuffle(sharpes, new Random(7));
        List<ModelVersion> candidates = new ArrayList<>();
        for (int i = 0; i < sharpes.size(); i++) {
            Regime regime = i % 2 == 0 ? Regime.TRENDING_UP : Regime.TRENDING_DOWN;
            candidates.add(store.register(linear("m" + i, regime, sharpes.get(i))));
        }
        List<ModelStore> instances = instances(threads);
        AtomicBoolean racing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        Thread watcher = new Thread(() -> {
            while (racing.get()) {
                for (Regime regime : List.of(Regime.TRENDING_UP, Regime.TRENDING_DOWN)) {
                    int active = store.find(ModelQuery.active(regime)).size();
                    if (active > n) {
                        violations.add(active + " active in " + regime.key());
                    }
                }
            }
        });
        watcher.start();
        try {
            runConcurrently(threads, thread -> {
                for (int i = thread; i < candidates.size(); i += threads) {
                    instances.get(thread).promote(candidates.get(i).key(), decider, T0.plusMillis(i));
                }
            });
        } finally {
            racing.set(false);
            watcher.join();
        }

        assertThat(violations).isEmpty();
        for (Regime regime : List.of(Regime.TRENDING_UP, Regime.TRENDING_DOWN)) {
            List<ModelVersion> bestN = candidates.stream().filter(model -> model.regime() == regime)
                    .sorted(BestNBySharpe.BEST_FIRST).limit(n).toList();
            assertThat(store.find(ModelQuery.active(regime))).extracting(ModelVersion::key)
                    .containsExactlyInAnyOrderElementsOf(bestN.stream().map(ModelVersion::key).toList());
        }
        for (ModelVersion model : store.find(ModelQuery.ALL)) {
            assertAuditTrailIsComplete(model);
        }
    }

    private static void assertAuditTrailIsComplete(ModelVersion model) {
        ModelStatus status = ModelStatus.CANDIDATE;
        for (StatusChange change : model.history()) {
            assertThat(change.from()).as("audit trail of %s", model.key()).isEqualTo(status);
            status = change.to();
        }
        assertThat(status).as("status of %s", model.key()).isEqualTo(model.status());
    }

    private List<ModelStore> instances(int count) throws Exception {
        List<ModelStore> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instances.add(openSameStore());
        }
        return instances;
    }

    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
