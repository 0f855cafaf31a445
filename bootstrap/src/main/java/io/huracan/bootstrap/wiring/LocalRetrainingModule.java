package io.huracan.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.bootstrap.config.RetrainingSection;
import io.huracan.bootstrap.retraining.JsonJobStateStore;
import io.huracan.domain.retraining.LocalRetrainingExecutor;
import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.time.EngineClock;

import java.nio.file.Path;

/**
 * {@code engine.retraining.executor: local}: {@code max_parallel} jobs at once in this process, job states in
 * {@code state_file} (jobs a previous process left unfinished there run again when the executor is first used).
 */
public final class LocalRetrainingModule extends AbstractModule {
    private final RetrainingSection section;

    public LocalRetrainingModule(RetrainingSection section) {
        this.section = section;
    }

    @Provides
    @Singleton
    JobStateStore states() {
        return new JsonJobStateStore(Path.of(section.stateFile()));
    }

    @Provides
    @Singleton
    RetrainingExecutor executor(RetrainingWork work, JobStateStore states, EngineClock clock) {
        return new LocalRetrainingExecutor(work, section.maxParallel(), states, clock);
    }
}
