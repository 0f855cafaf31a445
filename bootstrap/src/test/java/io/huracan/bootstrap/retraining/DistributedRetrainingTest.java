package io.huracan.bootstrap.retraining;

import com.google.inject.Injector;
import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.bootstrap.cli.HuracanCli;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.RetrainingExecutorKind;
import io.huracan.bootstrap.wiring.RetrainingProcess;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.retraining.RetrainingWorker;
import io.huracan.ports.retraining.WorkerDirectory;
import io.huracan.ports.retraining.WorkerStatus;
import io.huracan.testkit.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Distributed retraining as users run it: {@code huracan worker} processes (real JVMs on this test's class path) on
 * the test Redis and one shared file registry, the real job runner on stored Parquet data. Two workers split 20 jobs;
 * one is killed with SIGKILL while it runs jobs, which the other worker then runs; every job's version is registered
 * once; a job that needs a gpu worker waits until one starts; SIGTERM stops a worker cleanly.
 */
class DistributedRetrainingTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final int ROWS = 800;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private final String redisUri = TestRedis.require();
    private final String prefix = "huracan-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Worker> workers = new ArrayList<>();
    private RetrainingExecutor executor;
    private RedissonClient redis;

    @AfterEach
    void cleanUp() {
        workers.forEach(worker -> worker.process.destroyForcibly());
        if (executor != null) {
            executor.close();
        }
        if (redis != null) {
            redis.getKeys().deleteByPattern("*" + prefix + "*");
            redis.shutdown();
        }
    }

    @Test
    void twoWorkersSplitTwentyJobsAndAKilledWorkersJobsRunElsewhereEachRegisteredOnce() throws Exception {
        List<Coin> coins = IntStream.range(0, 20).mapToObj(i -> Coin.of("C%02d".formatted(i))).toList();
        try (var data = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
            PlantedMarket.write(data, coins, START, Duration.ofMinutes(1), ROWS, 1.0, 7);
        }
        Path config = writeConfig();
        Worker a = start("worker-a", config);
        Worker b = start("worker-b", config);
        EngineConfig engine = new ConfigLoader(Map.of()).load(List.of(config));
        Injector injector = RetrainingProcess.injector(engine, RetrainingExecutorKind.REDISSON, Map.of());
        executor = injector.getInstance(RetrainingExecutor.class);
        WorkerDirectory directory = injector.getInstance(WorkerDirectory.class);
        redis = inspector();
        eventually(() -> directory.live().size() == 2, "both workers register", a, b);

        var window = new TrainingWindow(START, START.plus(Duration.ofMinutes(ROWS + 1)));
        List<RetrainingJob> jobs = coins.stream().map(coin -> new RetrainingJob("split-" + coin, Regime.RANGING,
                new TreeSet<>(Set.of(coin)), window, Set.of(), RetrainingTrigger.MANUAL)).toList();
        var gpuJob = new RetrainingJob("gpu-pooled", Regime.RANGING, new TreeSet<>(coins.subList(0, 2)), window,
                Set.of("gpu"), RetrainingTrigger.MANUAL);
        CompletableFuture<RetrainingResult> gpu = executor.submit(gpuJob);
        List<CompletableFuture<RetrainingResult>> futures = jobs.stream().map(executor::submit).toList();

        eventually(() -> a.lines("promoted|registered").size() >= 2 && !runningOn("worker-a", jobs).isEmpty(),
                "worker-a finishes two jobs and runs more", a, b);
        a.process.destroyForcibly();
        assertThat(a.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> orphaned = runningOn("worker-a", jobs);

        for (CompletableFuture<RetrainingResult> future : futures) {
            assertThat(future.get(WAIT.toSeconds(), TimeUnit.SECONDS).outcome()).as(a + "\n" + b)
                    .isIn(RetrainingResult.Outcome.PROMOTED, RetrainingResult.Outcome.REGISTERED);
        }
        assertThat(orphaned).as("jobs worker-a was running when it was killed\n" + a).isNotEmpty();
        for (String id : orphaned) {
            assertThat(field(id, "worker")).as(id).isEqualTo("worker-b");
            assertThat(Integer.parseInt(field(id, "attempts"))).as(id).isGreaterThanOrEqualTo(2);
        }
        Map<String, Long> byWorker = jobs.stream().collect(Collectors.groupingBy(job -> field(job.id(), "worker"),
                Collectors.counting()));
        assertThat(byWorker).containsOnlyKeys("worker-a", "worker-b");
        assertThat(byWorker.get("worker-a")).isGreaterThanOrEqualTo(2);
        assertThat(jobs).allSatisfy(job -> assertThat(executor.status(job.id()).orElseThrow().state())
                .isEqualTo(JobState.SUCCEEDED));

        ModelStore models = injector.getInstance(ModelStore.class);
        List<ModelVersion> versions = models.find(ModelQuery.ALL);
        assertThat(versions).extracting(version -> version.definition().trainedBy())
                .containsExactlyInAnyOrderElementsOf(jobs.stream().map(RetrainingJob::id).toList());

        // the gpu job waited; a gpu worker (in this process, to spare a third JVM) takes it
        assertThat(gpu).isNotDone();
        assertThat(executor.status(gpuJob.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        EngineConfig gpuConfig = new ConfigLoader(Map.of()).load(List.of(config), List.of(
                new ConfigOverride("engine.retraining.worker.tags", "[gpu]", "test"),
                new ConfigOverride("engine.retraining.worker.name", "worker-gpu", "test")));
        RetrainingWorker gpuWorker = RetrainingProcess.injector(gpuConfig, RetrainingExecutorKind.REDISSON, Map.of())
                .getInstance(RetrainingWorker.class);
        gpuWorker.start(RetrainingWorker.Listener.NONE);
        try {
            assertThat(gpu.get(WAIT.toSeconds(), TimeUnit.SECONDS).model()).isPresent();
            assertThat(field(gpuJob.id(), "worker")).isEqualTo("worker-gpu");
            // the killed worker's heartbeat lapses on its own
            eventually(() -> directory.live().stream().map(WorkerStatus::id).collect(Collectors.toSet())
                    .equals(Set.of("worker-b", "worker-gpu")), "the directory lists the live workers only", b);
        } finally {
            gpuWorker.stop(Duration.ZERO);
        }

        // SIGTERM (through the handle: Process.destroy would close the output first): a clean stop, off the
        // directory at once; 143 is how a JVM ends on SIGTERM after its shutdown hooks ran
        b.process.toHandle().destroy();
        assertThat(b.process.waitFor(30, TimeUnit.SECONDS)).as(b.toString()).isTrue();
        assertThat(b.process.exitValue()).as(b.toString()).isEqualTo(143);
        eventually(() -> b.lines(" stopped$").size() == 1, "worker-b says it stopped");
        assertThat(b.lines("stopping: 0 running")).as(b.toString()).hasSize(1);
        assertThat(directory.live()).isEmpty();
    }

    private List<String> runningOn(String worker, List<RetrainingJob> jobs) {
        return jobs.stream().map(RetrainingJob::id)
                .filter(id -> "running".equals(field(id, "state")) && worker.equals(field(id, "worker"))).toList();
    }

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("cluster.yaml");
        Files.writeString(config, """
                engine:
                  storage: {root: %s}
                  registry: {adapter: file, path: %s}
                  strategy: {holding_horizon: 1m}
                  retraining:
                    executor: redisson
                    max_parallel: 2
                    redisson: {uri: "%s", key_prefix: %s, task_retry_interval: 3s, lock_timeout: 3s}
                    worker: {shutdown_grace: 20s}
                """.formatted(dir.resolve("data"), dir.resolve("registry"), redisUri, prefix));
        return config;
    }

    private Worker start(String name, Path config, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), HuracanCli.class.getName(),
                "worker", "--config", config.toString(), "--name", name));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Worker worker = new Worker(name, process, new CopyOnWriteArrayList<>());
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    worker.output.add(line);
                }
            } catch (IOException e) {
                worker.output.add("(output lost: " + e + ")");
            }
        }, "output-" + name);
        reader.setDaemon(true);
        reader.start();
        workers.add(worker);
        return worker;
    }

    private String field(String jobId, String field) {
        return redis.<String, String>getMap(prefix + ":job:" + jobId, StringCodec.INSTANCE).get(field);
    }

    private RedissonClient inspector() {
        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(redisUri);
        return Redisson.create(config);
    }

    private static void eventually(BooleanSupplier condition, String what, Worker... workers) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            for (Worker worker : workers) {
                if (!worker.process.isAlive() && worker.process.exitValue() != 143) {
                    fail(worker + " exited with " + worker.process.exitValue() + " before: " + what);
                }
            }
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT + ": " + what + "\n" + List.of(workers));
            }
            Thread.sleep(20);
        }
    }

    /** A worker process and what it printed. */
    private record Worker(String name, Process process, List<String> output) {
        List<String> lines(String pattern) {
            var regex = java.util.regex.Pattern.compile(pattern);
            return output.stream().filter(line -> regex.matcher(line).find()).toList();
        }

        @Override
        public String toString() {
            return name + ":\n  " + String.join("\n  ", output);
        }
    }
}
