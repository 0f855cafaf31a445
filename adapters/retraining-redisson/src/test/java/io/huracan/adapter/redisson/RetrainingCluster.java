package io.huracan.adapter.redisson;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.retraining.RetrainingWorker;
import io.huracan.testkit.redis.TestRedis;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * Submitters and workers of one test, each a separate Redisson client (as separate processes would be) on the test
 * Redis under a fresh key prefix, deleted at the end. Short intervals: a dead worker's job is handed on after 2 s.
 */
final class RetrainingCluster implements AutoCloseable {
    final String uri = TestRedis.require();
    final String prefix = "huracan-test-" + UUID.randomUUID().toString().substring(0, 8);
    final RedissonRetrainingConfig config = new RedissonRetrainingConfig(uri, prefix, Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    private final List<RetrainingExecutor> executors = new ArrayList<>();
    private final List<RetrainingWorker> workers = new ArrayList<>();
    private final RedissonClient inspector;

    RetrainingCluster() {
        var redisson = new Config();
        redisson.setCodec(StringCodec.INSTANCE);
        redisson.useSingleServer().setAddress(uri);
        inspector = Redisson.create(redisson);
    }

    RetrainingExecutor submitter() {
        RetrainingExecutor executor = member(job -> {
            throw new AssertionError("a submitter runs no jobs");
        }, Set.of(), "submitter").getInstance(RetrainingExecutor.class);
        executors.add(executor);
        return executor;
    }

    RetrainingWorker worker(String name, Set<String> tags, RetrainingWork work) {
        RetrainingWorker worker = member(work, tags, name).getInstance(RetrainingWorker.class);
        worker.start(RetrainingWorker.Listener.NONE);
        workers.add(worker);
        return worker;
    }

    Injector member(RetrainingWork work, Set<String> tags, String name) {
        return Guice.createInjector(new RedissonRetrainingModule(config, new RetrainingWorkerConfig(tags, 2, name)),
                binder -> binder.bind(RetrainingWork.class).toInstance(work));
    }

    /** A job's hash as redis-cli shows it. */
    Map<String, String> jobHash(String jobId) {
        return inspector.<String, String>getMap(new RetrainingKeys(prefix).job(jobId), StringCodec.INSTANCE).readAllMap();
    }

    static void eventually(Duration within, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        workers.forEach(worker -> worker.stop(Duration.ZERO));
        executors.forEach(RetrainingExecutor::close);
        inspector.getKeys().deleteByPattern(prefix + "*");
        inspector.getKeys().deleteByPattern("{" + prefix + "*");
        inspector.getKeys().deleteByPattern("{remote_response}:*" + prefix + "*");
        inspector.shutdown();
    }
}
