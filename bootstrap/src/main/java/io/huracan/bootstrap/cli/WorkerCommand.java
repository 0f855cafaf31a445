package io.huracan.bootstrap.cli;

import com.google.inject.Injector;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.DurationText;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.RetrainingExecutorKind;
import io.huracan.bootstrap.wiring.RetrainingProcess;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingWorker;
import io.huracan.ports.storage.MarketDataStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code huracan worker}: a retraining worker on the Redis of {@code engine.retraining.redisson} (whatever
 * {@code executor} says: a worker is the distributed executor's other half). It registers, takes the jobs whose
 * required tags it has, {@code max_parallel} at a time, runs them on the stored data and registry its config names,
 * and prints a line as each starts and ends. SIGTERM or SIGINT stops it gracefully: it takes nothing more, running
 * jobs get {@code worker.shutdown_grace} to finish, and those still running then are handed back to the cluster.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run retraining jobs for the cluster on the configured Redis (engine.retraining.redisson).")
final class WorkerCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Mixin
    ConfigOptions config;
    @Option(names = "--tags", paramLabel = "TAG", split = ",",
            description = "Take the jobs that need these tags, e.g. cpu,gpu (engine.retraining.worker.tags); "
                    + "untagged jobs always.")
    List<String> tags;
    @Option(names = "--name", paramLabel = "NAME",
            description = "Register as this name (engine.retraining.worker.name). Default: <host>-<pid>.")
    String name;
    @Option(names = "--parallel", paramLabel = "N",
            description = "Jobs at once (engine.retraining.max_parallel).")
    Integer parallel;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        EngineConfig engine = loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Injector injector = RetrainingProcess.injector(engine, RetrainingExecutorKind.REDISSON, System.getenv());
        RetrainingWorker worker = injector.getInstance(RetrainingWorker.class);
        MarketDataStore data = injector.getInstance(MarketDataStore.class);
        Duration grace = engine.retraining().worker().shutdownGrace();
        var stopped = new CountDownLatch(1);
        var exited = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                exited.await(grace.toMillis() + 30_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "huracan-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            worker.start(new Lines(out));
        } catch (UncheckedIOException | IllegalStateException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("huracan worker: " + (e instanceof UncheckedIOException io ? HuracanCli.message(io) : e.getMessage()));
            data.close();
            return HuracanCli.EXIT_FAILURE;
        }
        var redisson = engine.retraining().redisson();
        out.printf(Locale.ROOT, "huracan worker %s: taking %s jobs, %d at once, from %s (%s); registry %s, data %s%n",
                worker.id(), worker.tags().isEmpty() ? "untagged" : "untagged and " + String.join(",", new TreeSet<>(worker.tags()))
                        + "-tagged", engine.retraining().maxParallel(), redisson.uri(), redisson.keyPrefix(),
                engine.registry().adapter().name().toLowerCase(Locale.ROOT), engine.storage().root());
        out.flush();
        stopped.await();
        out.printf(Locale.ROOT, "%s stopping: %d running, up to %s to finish%n", now(), worker.running().size(),
                DurationText.format(grace));
        out.flush();
        List<String> handedBack = worker.stop(grace);
        data.close();
        out.printf(Locale.ROOT, "%s stopped%s%n", now(), handedBack.isEmpty() ? ""
                : "; handed back " + String.join(", ", handedBack));
        out.flush();
        exited.countDown();
        return 0;
    }

    private EngineConfig loadConfig() {
        List<ConfigOverride> overrides = new ArrayList<>();
        if (tags != null) {
            overrides.add(new ConfigOverride("engine.retraining.worker.tags", "[" + String.join(",", tags) + "]", "--tags"));
        }
        if (name != null) {
            overrides.add(new ConfigOverride("engine.retraining.worker.name", name, "--name"));
        }
        if (parallel != null) {
            overrides.add(new ConfigOverride("engine.retraining.max_parallel", parallel.toString(), "--parallel"));
        }
        return ConfigLoader.fromSystemEnvironment().load(config.files, overrides);
    }

    private static String now() {
        return LocalTime.now(ZoneOffset.UTC).format(TIME);
    }

    /** One line per job as it starts and as it ends, with what it registered or why it failed. */
    private static final class Lines implements RetrainingWorker.Listener {
        private final PrintWriter out;
        private final Map<String, Long> startedNanos = new ConcurrentHashMap<>();

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void started(RetrainingJob job) {
            startedNanos.put(job.id(), System.nanoTime());
            print("%s start    %s  %s", now(), job.id(), job.key());
        }

        @Override
        public void finished(JobStatus status) {
            Long start = startedNanos.remove(status.job().id());
            String took = start == null ? "" : String.format(Locale.ROOT, "  %.1f s", (System.nanoTime() - start) / 1e9);
            if (status.result().isEmpty()) {
                print("%s failed   %s  %s%s", now(), status.job().id(), status.error(), took);
                return;
            }
            RetrainingResult result = status.result().get();
            print("%s %-8s %s  %s%s", now(), result.outcome().name().toLowerCase(Locale.ROOT), status.job().id(),
                    result.model().map(Object::toString).orElse(result.reason()), took);
        }

        @Override
        public void handedBack(RetrainingJob job) {
            print("%s handed back  %s  %s", now(), job.id(), job.key());
        }

        private synchronized void print(String format, Object... args) {
            out.printf(Locale.ROOT, format + "%n", args);
            out.flush();
        }
    }
}
