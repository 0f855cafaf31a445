package io.huracan.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Edge after cost on 400 coins x 3 exchanges, one evaluation per call, and a re-ranking of all 400 coins.
 * Run with {@code -prof gc}: gc.alloc.rate.norm should be ~0 B/op for both once warm.
 */
@State(Scope.Thread)
public class EdgeAfterCostBenchmark {
    private CostBenchMarket market;

    @Setup
    public void setUp() {
        market = new CostBenchMarket(42);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double evaluate() {
        return market.evaluateNext();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int rerank400() {
        return market.rerank();
    }
}
