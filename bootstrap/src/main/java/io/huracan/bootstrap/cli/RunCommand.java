package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.DurationText;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.engine.HuracanEngine;
import io.huracan.bootstrap.engine.SessionRecorder;
import io.huracan.bootstrap.lifecycle.EngineStartException;
import io.huracan.bootstrap.report.SessionRecording;
import io.huracan.bootstrap.report.SessionReportWriter;
import io.huracan.bootstrap.wiring.AdapterSelection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code huracan run}: the main job. With the embedded defaults it paper-trades the market simulator: 20 active
 * coins out of 400, in-memory bus, file registry (seeded with a default model per regime when empty). Shows a
 * live status line on a terminal and periodic lines in a pipe; SIGINT or SIGTERM stops gracefully; at the end it
 * prints a summary and writes the session report under var/reports/.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the engine (paper trading on the simulator by default).")
final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter REPORT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Mixin
    ConfigOptions config;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Market time to run, e.g. 30s, 15m, 8h (default: until SIGINT or SIGTERM).")
    Duration duration = Duration.ZERO;

    @Option(names = "--coins", paramLabel = "N", description = "Coins that may trade at once (engine.universe.active_coins).")
    Integer coins;

    @Option(names = "--seed", paramLabel = "S", description = "The market simulator's seed (engine.exchanges.paper.seed).")
    Long seed;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Market time per real time: 1 real time (default), 60 a minute per second, 0 as fast as possible.")
    double speed;

    @Option(names = "--replay", paramLabel = "DAY[..DAY]",
            description = "Trade stored market data of these UTC days (from engine.storage.root) instead of the "
                    + "simulator, e.g. 2026-01-05 or 2026-01-05..2026-01-07.")
    String replay;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "var/reports",
            description = "Where the session report goes (a new directory per run).")
    Path reports;

    @Option(names = "--no-report", description = "Do not write the session report.")
    boolean noReport;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--speed " + speed + " is invalid; allowed: 0 (as fast as possible) or a number > 0");
        }
        EngineConfig engineConfig = loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        var recording = new SessionRecording();
        var status = new StatusLine(out, System.console() != null);
        SessionRecorder[] recorder = new SessionRecorder[1];
        var builder = HuracanEngine.builder().config(engineConfig).speed(speed).sessionLength(duration)
                .onMarketStep(micros -> recorder[0].onStep(micros));
        if (replay != null) {
            long[] range = ReplayDays.parse(replay, spec.commandLine());
            builder.replay(range[0], range[1]);
        }
        HuracanEngine engine;
        try {
            engine = builder.build();
        } catch (EngineStartException e) { // a cluster member that cannot reach Redis to agree the market
            spec.commandLine().getErr().println("huracan: " + e.getMessage());
            return HuracanCli.EXIT_FAILURE;
        }
        recorder[0] = new SessionRecorder(recording, engine);
        engine.observe(recorder[0]);

        var stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            engine.stop();
            try {
                stopped.await(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "huracan-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        var streams = AdapterSelection.liveStreams(engineConfig.exchanges());
        if (streams.isEmpty()) {
            out.printf("huracan: paper trading %d of %d coins on %s, speed %s, %s%n",
                    engineConfig.universe().activeCoins(), engineConfig.universe().coins().size(),
                    replay != null ? "stored market data of " + replay
                            : "the simulator (seed " + engineConfig.exchanges().paper().seed() + ")",
                    speed == 0 ? "max" : speed + "x", replay != null ? "the whole range"
                            : duration.isZero() ? "until stopped (Ctrl-C)" : DurationText.format(duration) + " of market time");
        } else {
            out.printf("huracan: trading %d of %d coins live on the streams of %s, real time, %s%n",
                    engineConfig.universe().activeCoins(), engineConfig.universe().coins().size(),
                    streams.stream().map(stream -> stream.exchange().key()).collect(Collectors.joining(", ")),
                    duration.isZero() ? "until stopped (Ctrl-C)" : DurationText.format(duration));
        }
        if (engineConfig.cluster().enabled()) {
            out.printf("huracan: cluster member on %s (%s:cluster): this process trades the coins it holds leases "
                    + "of, and the risk limits are the cluster's%n", engineConfig.messageBus().redisUri(),
                    engineConfig.messageBus().streamPrefix());
        }
        out.flush();
        ConfigReloadOnHangup.install(() -> loadConfig().universe().activeCoins(), engine::setActiveCoins,
                spec.commandLine().getErr());
        long startNanos = System.nanoTime();
        try {
            engine.start();
        } catch (EngineStartException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            spec.commandLine().getErr().println("huracan: " + e.getMessage());
            return HuracanCli.EXIT_FAILURE;
        }
        var observability = engineConfig.observability();
        if (observability.enabled()) {
            out.printf("huracan: metrics on http://%s:%d/metrics, readiness on /health/ready%n",
                    observability.bindAddress(), observability.port());
            out.flush();
        }
        while (!engine.awaitTermination(Duration.ofSeconds(1))) {
            status.update(engine, System.nanoTime() - startNanos);
        }
        engine.stop();
        status.finish();
        int exit = engine.failure().isPresent() ? HuracanCli.EXIT_FAILURE : 0;
        engine.failure().ifPresent(e -> spec.commandLine().getErr().println("huracan: the session failed: " + e.getMessage()));
        new SessionSummary(engine, System.nanoTime() - startNanos).print(out, recording);
        if (!noReport) {
            String name = ZonedDateTime.now(ZoneOffset.UTC).format(REPORT_NAME);
            Path page = new SessionReportWriter().write(recording, reports.resolve(name));
            out.println("report: " + page);
        }
        out.flush();
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: it waits for us, nothing more to do
        }
        return exit;
    }

    private EngineConfig loadConfig() {
        List<ConfigOverride> overrides = new ArrayList<>();
        if (coins != null) {
            overrides.add(new ConfigOverride("engine.universe.active_coins", coins.toString(), "--coins"));
        }
        if (seed != null) {
            overrides.add(new ConfigOverride("engine.exchanges.paper.seed", seed.toString(), "--seed"));
        }
        return ConfigLoader.fromSystemEnvironment().load(config.files, overrides);
    }

    /** Parses the config's duration format on the command line. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = DurationText.parse(value);
            if (duration == null) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; allowed: " + DurationText.ALLOWED);
            }
            return duration;
        }
    }
}
