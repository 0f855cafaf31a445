package io.huracan.adapter.redisson;

import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.retraining.RetrainingWorker;
import io.huracan.ports.retraining.WorkerStatus;
import jakarta.inject.Inject;
import org.redisson.api.RExecutorService;
import org.redisson.api.WorkerOptions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker process's part: registers {@code parallelism} Redisson workers on the executor of every subset of its tags,
 * all running on one pool of {@code parallelism} threads (so the process never runs more jobs than that at once; while
 * every thread is busy, a job it took from a second tag set's queue waits here), and a heartbeat in the
 * {@link RedisWorkerDirectory}.
 *
 * <p>Stopping (SIGTERM): it deregisters, so it takes nothing more; jobs it took but had not started are dropped here
 * and Redis hands them out again after {@code task_retry_interval}; running jobs get {@code grace} to finish, and those
 * still running then are handed back (queued again, run by another worker after the retry interval).
 */
final class RedissonRetrainingWorker implements RetrainingWorker {
    private final RedissonConnection redis;
    private final RedisWorkerDirectory directory;
    private final RetrainingWorkerConfig config;
    private final String id;
    private final JobRunner runner;
    private final TagExecutors executors;
    private final List<RExecutorService> registered = new ArrayList<>();
    private ThreadPoolExecutor pool;
    private ScheduledExecutorService heartbeat;

    @Inject
    RedissonRetrainingWorker(RedissonConnection redis, RedisJobStateStore states, RedisWorkerDirectory directory,
                             RetrainingWorkerConfig config, RetrainingWork work) {
        this.redis = redis;
        this.directory = directory;
        this.config = config;
        this.id = config.name().isEmpty() ? processName() : config.name();
        this.runner = new JobRunner(redis, states, work, id);
        this.executors = new TagExecutors(redis);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> tags() {
        return config.tags();
    }

    @Override
    public synchronized void start(Listener listener) {
        if (pool != null) {
            throw new IllegalStateException("worker " + id + " is started already");
        }
        runner.listen(listener);
        var threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(config.parallelism(), config.parallelism(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> daemon(runnable, "huracan-worker-" + threads.incrementAndGet()));
        try {
            beat();
            for (Set<String> subset : RetrainingKeys.subsets(config.tags())) {
                RExecutorService executor = executors.of(subset);
                executor.registerWorkers(WorkerOptions.defaults().workers(config.parallelism()).executorService(pool)
                        .tasksInjector(task -> ((JobRunner.Bound) task).bind(runner)));
                registered.add(executor);
            }
        } catch (org.redisson.client.RedisException e) {
            throw redis.unreachable("worker " + id + " cannot register", e);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "huracan-worker-heartbeat"));
        long period = RedisWorkerDirectory.HEARTBEAT.toMillis();
        heartbeat.scheduleAtFixedRate(this::beatQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized List<String> stop(Duration grace) {
        if (pool == null) {
            return List.of();
        }
        registered.forEach(RExecutorService::deregisterWorkers);
        pool.getQueue().clear();
        pool.shutdown();
        try {
            pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> handedBack = runner.handBackRunning().stream().map(RetrainingJob::id).toList();
        pool.shutdownNow();
        heartbeat.shutdownNow();
        try {
            directory.remove(id);
        } catch (RuntimeException e) {
            // Redis is gone: the heartbeat expires by itself
        }
        redis.close();
        return handedBack;
    }

    @Override
    public List<RetrainingJob> running() {
        return List.copyOf(runner.running().values());
    }

    private void beat() {
        directory.beat(new WorkerStatus(id, config.tags(), config.parallelism(), List.copyOf(runner.running().keySet()),
                Instant.now()));
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // Redis unreachable for a moment: the next beat tries again, and the directory shows this worker gone
            // only after EXPIRY without one
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** {@code host-pid}: unique on a machine, and says where to look. */
    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String name = host.replaceAll("[^A-Za-z0-9.-]", "-") + "-" + ProcessHandle.current().pid();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
