package io.huracan.benchmarks;

import io.huracan.domain.risk.RiskVerdict;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * {@code huracan bench risk}: check-and-reserve on the shared risk controller with 400 coins, 20 sectors,
 * 3 exchanges and 500 open trades. Each operation is one check (timed) followed by the cancel that releases it
 * (not timed, but inside ops_per_s). Reports one thread, then {@code --threads} threads at once, each owning its
 * coins as event loops do.
 */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = "Risk controller check-and-reserve throughput and latency (400 coins, 500 open trades).")
public final class RiskBench implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Option(names = "--threads", defaultValue = "8", description = "Threads for the multi-thread figure (default 8).")
    int threads;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per run (default 5).")
    int seconds;

    @Option(names = "--mix", defaultValue = "approvals",
            description = "approvals (orders on open trades below the soft band) or mixed (adds throttling, "
                    + "rank rejections and new trades). Default approvals.")
    String mix;

    @Override
    public void run() {
        if (threads < 1 || threads > 256) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + " is out of range [1, 256]");
        }
        if (seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--seconds " + seconds + " is invalid; allowed: >= 1");
        }
        if (!mix.equals("approvals") && !mix.equals("mixed")) {
            throw new ParameterException(spec.commandLine(), "--mix " + mix + " is unknown; allowed: approvals, mixed");
        }
        boolean mixed = mix.equals("mixed");
        var fixture = new RiskBenchFixture();
        BenchProgress.phase("risk", "warming up");
        measure(fixture, 1, Math.max(2, seconds / 2), mixed);
        BenchProgress.phase("risk", "one thread, " + seconds + " s");
        Run single = measure(fixture, 1, seconds, mixed);
        BenchProgress.phase("risk", threads + " threads, " + seconds + " s");
        Run multi = measure(fixture, threads, seconds, mixed);
        new BenchReport("risk", single.opsPerSecond)
                .latency(single.latency)
                .put("check_mean_ns", Math.round(single.latency.getMean()))
                .put("mix", mix)
                .put("coins", RiskBenchFixture.COINS)
                .put("sectors", RiskBenchFixture.SECTORS)
                .put("exchanges", 3)
                .put("open_trades", fixture.risk.openTrades())
                .put("threads", threads)
                .put("ops_per_s_threads", Math.round(multi.opsPerSecond))
                .put("p99_ns_threads", multi.latency.getValueAtPercentile(99))
                .print(System.out, json);
    }

    private record Run(double opsPerSecond, Histogram latency) {
    }

    private static Run measure(RiskBenchFixture fixture, int threadCount, int seconds, boolean mixed) {
        var barrier = new CyclicBarrier(threadCount);
        long[] counts = new long[threadCount];
        long[] elapsed = new long[threadCount];
        Histogram[] histograms = new Histogram[threadCount];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            int owner = t;
            histograms[t] = new Histogram(60_000_000_000L, 3);
            var intents = fixture.intents(owner, threadCount, 31L * owner + 1, mixed);
            workers.add(new Thread(() -> {
                var verdict = new RiskVerdict();
                Histogram histogram = histograms[owner];
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                long n = 0;
                long now = start;
                while (now < end) {
                    for (int k = 0; k < 1024; k++) {
                        int i = intents.next();
                        long before = System.nanoTime();
                        fixture.check(intents, i, verdict);
                        long after = System.nanoTime();
                        histogram.recordValue(after - before);
                        fixture.release(verdict);
                    }
                    n += 1024;
                    now = System.nanoTime();
                }
                counts[owner] = n;
                elapsed[owner] = now - start;
            }, "risk-bench-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        var all = new Histogram(60_000_000_000L, 3);
        double opsPerSecond = 0;
        for (int t = 0; t < threadCount; t++) {
            all.add(histograms[t]);
            opsPerSecond += counts[t] * 1e9 / elapsed[t];
        }
        return new Run(opsPerSecond, all);
    }
}
