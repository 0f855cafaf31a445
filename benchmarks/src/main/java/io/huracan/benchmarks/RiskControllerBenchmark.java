package io.huracan.benchmarks;

import io.huracan.domain.risk.RiskVerdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.concurrent.TimeUnit;

/**
 * Check-and-reserve on the shared risk controller (400 coins, 20 sectors, 3 exchanges, 500 open trades), each
 * check followed by the cancel that releases it so the book stays put. Run with {@code -prof gc} to see the
 * allocation per operation, and {@code -t 8} for eight loops at once:
 * <pre>java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main RiskControllerBenchmark -prof gc -f 1 -wi 3 -i 5</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RiskControllerBenchmark {

    @State(Scope.Benchmark)
    public static class Book {
        RiskBenchFixture fixture;

        @Setup
        public void setUp() {
            fixture = new RiskBenchFixture();
        }
    }

    @State(Scope.Thread)
    public static class Loop {
        RiskBenchFixture.Intents approvals;
        RiskBenchFixture.Intents mixed;
        final RiskVerdict verdict = new RiskVerdict();

        @Setup
        public void setUp(Book book, ThreadParams threads) {
            approvals = book.fixture.intents(threads.getThreadIndex(), threads.getThreadCount(),
                    threads.getThreadIndex(), false);
            mixed = book.fixture.intents(threads.getThreadIndex(), threads.getThreadCount(),
                    threads.getThreadIndex(), true);
        }
    }

    /** Plain approvals on open trades: the path that must allocate nothing. */
    @Benchmark
    public long approveAndRelease(Book book, Loop loop) {
        book.fixture.checkAndRelease(loop.approvals, loop.approvals.next(), loop.verdict);
        return loop.verdict.reservation();
    }

    /** The realistic mix; reductions and rejections build a RiskEvent, so this one allocates per event. */
    @Benchmark
    public long mixedCheckAndRelease(Book book, Loop loop) {
        book.fixture.checkAndRelease(loop.mixed, loop.mixed.next(), loop.verdict);
        return loop.verdict.reservation();
    }
}
