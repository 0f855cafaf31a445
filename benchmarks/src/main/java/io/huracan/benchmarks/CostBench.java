package io.huracan.benchmarks;

import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;

/**
 * {@code huracan bench cost}: edge after cost with 400 coins x 3 exchanges on one thread. Prints evaluations per
 * second (timed in bulk; {@code cpu_ops_per_s} divides by the thread's CPU time instead, which a loaded machine
 * disturbs less), per-evaluation latency (each timed alone, so it includes one clock read), bytes allocated per
 * evaluation once warm, and the time to re-rank all 400 coins (wall mean and p99, and CPU mean).
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Edge after cost: evaluations/s, latency, allocation and 400-coin re-ranking time.")
public final class CostBench implements Runnable {
    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Option(names = "--evaluations", defaultValue = "20000000", description = "Timed evaluations (default ${DEFAULT-VALUE}).")
    long evaluations;

    @Option(names = "--warmup", defaultValue = "10000000", description = "Evaluations before timing (default ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--reranks", defaultValue = "20000", description = "Timed re-rankings of 400 coins (default ${DEFAULT-VALUE}).")
    int reranks;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic market (default ${DEFAULT-VALUE}).")
    long seed;

    private double sink;

    @Override
    public void run() {
        if (evaluations <= 0 || warmup < 0 || reranks <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--evaluations and --reranks must be > 0 and --warmup >= 0");
        }
        CostBenchMarket market = new CostBenchMarket(seed);
        BenchProgress.phase("cost", "warming up");
        for (long i = 0; i < warmup; i++) {
            sink += market.evaluateNext();
        }
        for (int i = 0; i < reranks / 4 + 1; i++) {
            sink += market.rerank();
        }

        BenchProgress.phase("cost", "throughput");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (long i = 0; i < evaluations; i++) {
            sink += market.evaluateNext();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        BenchProgress.phase("cost", "latency");
        Histogram latency = new Histogram(1_000_000_000L, 3);
        long samples = Math.min(evaluations, 5_000_000);
        for (long i = 0; i < samples; i++) {
            long t = System.nanoTime();
            sink += market.evaluateNext();
            latency.recordValue(System.nanoTime() - t);
        }

        BenchProgress.phase("cost", "re-ranking");
        Histogram rerank = new Histogram(1_000_000_000L, 3);
        long rerankCpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < reranks; i++) {
            long t = System.nanoTime();
            sink += market.rerank();
            rerank.recordValue(System.nanoTime() - t);
        }
        long rerankCpu = threads.getCurrentThreadCpuTime() - rerankCpuStart;

        new BenchReport("cost", evaluations * 1e9 / elapsed)
                .latency(latency)
                .put("coins", CostBenchMarket.COINS)
                .put("exchanges", CostBenchMarket.VENUES.length)
                .put("cpu_ops_per_s", Math.round(evaluations * 1e9 / cpu))
                .put("alloc_bytes_per_op", (double) allocated / evaluations)
                .put("clock_read_ns", clockReadNanos())
                .put("rerank_400_us", rerank.getMean() / 1_000)
                .put("rerank_400_p99_us", rerank.getValueAtPercentile(99) / 1_000.0)
                .put("rerank_400_cpu_us", rerankCpu / 1_000.0 / reranks)
                .put("tradeable_coins", market.rerank())
                .put("checksum", sink)
                .print(System.out, json);
    }

    /** The cost of one System.nanoTime read, included once in each latency sample. */
    private static long clockReadNanos() {
        int reads = 1_000_000;
        long start = System.nanoTime();
        long last = 0;
        for (int i = 0; i < reads; i++) {
            last = System.nanoTime();
        }
        return (last - start) / reads;
    }
}
