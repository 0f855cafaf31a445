package io.huracan.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.retraining.CommonsMathRidgeRegression;
import io.huracan.bootstrap.retraining.RetrainingSetup;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.retraining.RetrainingJobRunner;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.time.EngineClock;

/**
 * What every process that runs jobs runs (the engine with the local executor, {@code huracan retrain},
 * {@code huracan worker}): the domain's job runner over the Parquet store at {@code engine.storage.root}, the
 * configured registry and the fees of {@code engine.retraining.venue}. Nothing is opened until a job needs it.
 */
public final class RetrainingWorkModule extends AbstractModule {
    private final EngineConfig config;

    public RetrainingWorkModule(EngineConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    MarketDataStore marketData() {
        return AdapterSelection.marketDataStore(config.storage());
    }

    @Provides
    @Singleton
    RetrainingWork work(MarketDataStore data, ModelStore models, EngineClock clock) {
        var settings = RetrainingSetup.settings(config, config.retraining().venue(), RetrainingSetup.DEFAULT_RIDGE_LAMBDA,
                RetrainingSetup.DEFAULT_FOLDS, RetrainingSetup.DEFAULT_MIN_ROWS);
        return new RetrainingJobRunner(data, new CommonsMathRidgeRegression(), models,
                new ModelRegistry(models, config.registry().promotion(), clock), clock, settings);
    }
}
