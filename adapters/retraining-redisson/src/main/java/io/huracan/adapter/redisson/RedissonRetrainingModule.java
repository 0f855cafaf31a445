package io.huracan.adapter.redisson;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.retraining.RetrainingWorker;
import io.huracan.ports.retraining.WorkerDirectory;

/**
 * {@code engine.retraining.executor: redisson}: binds {@link RetrainingExecutor} (submit to the workers),
 * {@link RetrainingWorker} (be one: needs the application's {@link RetrainingWork} bound), {@link WorkerDirectory}
 * and {@link JobStateStore} to Redis through one Redisson client per process, connected on first use.
 */
public final class RedissonRetrainingModule extends AbstractModule {
    private final RedissonRetrainingConfig config;
    private final RetrainingWorkerConfig worker;

    public RedissonRetrainingModule(RedissonRetrainingConfig config, RetrainingWorkerConfig worker) {
        this.config = config;
        this.worker = worker;
    }

    @Override
    protected void configure() {
        requireBinding(RetrainingWork.class);
        bind(RedissonRetrainingConfig.class).toInstance(config);
        bind(RetrainingWorkerConfig.class).toInstance(worker);
        bind(RedissonConnection.class).in(Singleton.class);
        bind(RedisJobStateStore.class).in(Singleton.class);
        bind(JobStateStore.class).to(RedisJobStateStore.class);
        bind(RedisWorkerDirectory.class).in(Singleton.class);
        bind(WorkerDirectory.class).to(RedisWorkerDirectory.class);
        bind(RedissonRetrainingExecutor.class).in(Singleton.class);
        bind(RetrainingExecutor.class).to(RedissonRetrainingExecutor.class);
        bind(RedissonRetrainingWorker.class).in(Singleton.class);
        bind(RetrainingWorker.class).to(RedissonRetrainingWorker.class);
    }
}
