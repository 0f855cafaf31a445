package io.huracan.benchmarks;

import io.huracan.domain.loop.BackpressurePolicy;
import io.huracan.domain.loop.InboundRing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The event loop's inbound ring: offer one entry and drain it, on one thread (the uncontended cost of the queue
 * hop). Run with {@code -prof gc}: gc.alloc.rate.norm must be 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InboundRingBenchmark {
    @Param({"BLOCK", "DROP_OLDEST"})
    BackpressurePolicy policy;

    private InboundRing ring;
    private final Object key = new Object();
    private final Object event = new Object();
    private Blackhole sink;
    private final InboundRing.Consumer consumer = (k, e, stamp) -> {
        sink.consume(e);
        return true;
    };

    @Setup
    public void setUp(Blackhole blackhole) {
        ring = new InboundRing(1024, policy);
        sink = blackhole;
    }

    @Benchmark
    public int offerAndDrainOne() {
        ring.tryOffer(key, event, 1L);
        return ring.drain(consumer, 1);
    }

    /** 64 offers then one drain of 64: the batched case a busy loop sees. */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(64)
    public int offerAndDrainBatch() {
        for (int i = 0; i < 64; i++) {
            ring.tryOffer(key, event, i);
        }
        return ring.drain(consumer, 64);
    }
}
