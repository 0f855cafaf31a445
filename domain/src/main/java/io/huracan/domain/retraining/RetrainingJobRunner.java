package io.huracan.domain.retraining;

import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.signal.LinearModelParameters;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.time.EngineClock;

import java.time.Instant;
import java.util.Optional;

/**
 * The whole retraining job: read the regime's rows, evaluate the fit walk-forward out of sample after costs, fit
 * the final model on every row, register it ({@code trained_by} = the job id) and ask the promotion policy.
 * Registration is idempotent on the job id: a job that already registered a version (its worker died after the
 * register, or it ran twice) finds that version and does not register another.
 */
public final class RetrainingJobRunner implements RetrainingWork {
    private final TrainingRowsBuilder rowsBuilder;
    private final LinearFitter fitter;
    private final WalkForwardEvaluation evaluation;
    private final ModelStore store;
    private final ModelRegistry registry;
    private final EngineClock clock;
    private final RetrainingSettings settings;

    public RetrainingJobRunner(MarketDataStore data, RidgeRegression regression, ModelStore store,
                               ModelRegistry registry, EngineClock clock, RetrainingSettings settings) {
        this.rowsBuilder = new TrainingRowsBuilder(data, settings.venue(), settings.features(), settings.horizonMicros(),
                settings.regimes());
        this.fitter = new LinearFitter(regression, settings.ridgeLambda());
        this.evaluation = new WalkForwardEvaluation(fitter, new WalkForward(settings.folds(), settings.horizonMicros()),
                new TradeCosts(settings.fees(), settings.takerEntry()), settings.thresholdBps());
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public RetrainingResult run(RetrainingJob job) {
        String name = ModelNames.of(job);
        Optional<ModelVersion> earlier = registeredBy(name, job.id());
        TrainingRows rows = rowsBuilder.build(job.coins(), job.regime(), job.window());
        if (rows.size() < settings.minRows()) {
            return RetrainingResult.skipped(job.id(), rows.size(), rows.size() + " labelled rows in "
                    + job.regime().key() + ", fewer than the " + settings.minRows() + " required");
        }
        WalkForwardEvaluation.Result outOfSample = evaluation.evaluate(rows);
        ModelVersion version = earlier.orElseGet(() -> {
            LinearModelParameters model = fitter.fit(rows, rows.size());
            return store.register(new ModelDefinition(name, LinearModelParameters.KIND, job.regime(), settings.features(),
                    model.toArray(), "", job.window(), now(), job.id(), outOfSample.metrics()));
        });
        if (!version.status().canMoveTo(ModelStatus.ACTIVE)) {
            return result(job, version, version.status() == ModelStatus.ACTIVE ? RetrainingResult.Outcome.PROMOTED
                    : RetrainingResult.Outcome.REGISTERED, rows, outOfSample, "already " + version.status().key());
        }
        PromotionResult promotion = registry.promote(version.key());
        if (promotion instanceof PromotionResult.Promoted promoted) {
            return result(job, version, RetrainingResult.Outcome.PROMOTED, rows, outOfSample, promoted.promoted()
                    .history().get(promoted.promoted().history().size() - 1).reason());
        }
        return result(job, version, RetrainingResult.Outcome.REGISTERED, rows, outOfSample,
                ((PromotionResult.Refused) promotion).reason());
    }

    private Optional<ModelVersion> registeredBy(String name, String jobId) {
        return store.find(ModelQuery.ALL.withName(name)).stream()
                .filter(version -> version.definition().trainedBy().equals(jobId))
                .findFirst();
    }

    private static RetrainingResult result(RetrainingJob job, ModelVersion version, RetrainingResult.Outcome outcome,
                                           TrainingRows rows, WalkForwardEvaluation.Result outOfSample, String reason) {
        return new RetrainingResult(job.id(), outcome, Optional.of(version.key()), Optional.of(version.metrics()),
                rows.size(), outOfSample.testRows(), reason);
    }

    private Instant now() {
        long micros = clock.epochMicros();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
