package io.huracan.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.adapter.memory.InMemoryMessageBusModule;
import io.huracan.adapter.redis.RedisBusConfig;
import io.huracan.adapter.redis.RedisStreamsMessageBusModule;
import io.huracan.domain.codec.EnginePayloads;
import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.time.EngineClock;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code huracan bench bus}: one publisher thread publishing encoded book tops in batches, one consumer reading and
 * acknowledging them in a consumer group ({@code acknowledgeAsync}: it reads on while up to {@value #ACKS_IN_FLIGHT}
 * batches' acknowledgements travel, and the run ends when all are answered). ops_per_s counts messages that went
 * through publish, read and ack;
 * latency is publish to read. The publisher stays at most {@code --window} batches ahead of the consumer (so latency
 * is that of a bounded queue, not of an ever-growing backlog) and the stream is never trimmed below that.
 * With {@code --adapter redis} the bus runs against {@code --redis-uri} under a fresh key prefix (deleted after),
 * and the same run measures the server's own XADD ceiling with {@code redis-benchmark -P 64} ({@link RedisCeiling}).
 * CPU time per message is reported for this process (all its threads: publisher, consumer, the bus's own) and for
 * the Redis server ({@link RedisServerCpu}), since wall-clock rates move with the other load on the machine. Every
 * run is checked to be exactly once ({@link DeliveryLedger}): a run that is not, or that stops making progress for
 * 30 s, ends with one line and exit code 1.
 */
@Command(name = "bus", mixinStandardHelpOptions = true,
        description = "Message bus: publish + consume + ack messages/s and publish-to-read latency.")
public final class BusBench implements Callable<Integer> {
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(30);
    static final int JIT_SETTLED_PERCENT = 5;
    /** The consumer reads on while its acknowledgements travel, at most this many batches' worth. */
    private static final int ACKS_IN_FLIGHT = 8;

    @Spec
    CommandSpec spec;

    @Option(names = "--adapter", defaultValue = "memory", description = "Bus adapter to measure: memory or redis. "
            + "Default: ${DEFAULT-VALUE}.")
    String adapter;

    @Option(names = "--redis-uri", description = "Redis for --adapter redis. Default: HURACAN_TEST_REDIS or "
            + "redis://127.0.0.1:6379.")
    String redisUri;

    @Option(names = "--window", description = "Batches the publisher may be ahead of the consumer. Default: 8 for "
            + "memory, 64 for redis (enough to keep the pipeline to Redis full).")
    Integer window;

    @Option(names = "--messages", defaultValue = "2000000", description = "Messages to measure. Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--batch", defaultValue = "256", description = "Messages per publish and per read. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--warmup-max-messages", defaultValue = "3000000", description = "Most messages sent in warm-up "
            + "rounds (200,000 each, fewer if --messages is smaller) before the measured run; the warm-up ends earlier "
            + "once the JIT spent under " + JIT_SETTLED_PERCENT + " percent of a round compiling; 0: none. "
            + "Default: ${DEFAULT-VALUE}.")
    int warmupMaxMessages;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (!"memory".equals(adapter) && !"redis".equals(adapter)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--adapter " + adapter
                    + " is not available; allowed: memory or redis");
        }
        if (messages < 1 || batch < 1 || (window != null && window < 1) || warmupMaxMessages < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--messages " + messages + " --batch "
                    + batch + " --window " + window + " --warmup-max-messages " + warmupMaxMessages
                    + " is invalid; allowed: all > 0, the warm-up >= 0");
        }
        if (window == null) {
            window = "redis".equals(adapter) ? 64 : 8;
        }
        if (redisUri == null) {
            String fromEnvironment = System.getenv("HURACAN_TEST_REDIS");
            redisUri = fromEnvironment == null || fromEnvironment.isBlank() ? "redis://127.0.0.1:6379" : fromEnvironment;
        }
        String prefix = "huracan-bench-" + UUID.randomUUID();
        try {
            long warmedUp = warmUp(prefix);
            var latency = new Histogram(3);
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long jitBefore = JitCompileTime.millis();
            Run measured = run(messages, latency, prefix + ":measure");
            long jitDuring = JitCompileTime.millis() - jitBefore;
            double opsPerSecond = messages * 1e9 / measured.elapsedNanos();
            int payloadBytes = payloads(1).get(0).length;
            var report = new BenchReport("bus", opsPerSecond)
                    .latency(latency)
                    .put("adapter", adapter)
                    .put("messages", messages)
                    .put("batch", batch)
                    .put("window", window)
                    .put("payload_bytes", payloadBytes)
                    .put("exactly_once", "passed")
                    .put("warmup_messages", warmedUp)
                    .put("jit_ms_during_run", jitDuring)
                    .put("client_cpu_ns_per_msg", Math.round((double) measured.clientCpuNanos() / messages));
            if ("redis".equals(adapter)) {
                List<String> command = RedisCeiling.command(redisUri, prefix + ":ceiling", Math.max(messages, 1_000_000),
                        payloadBytes, maxLength());
                long serverBefore = RedisServerCpu.nanos(redisUri);
                double ceiling = RedisCeiling.measure(command);
                long ceilingServerCpu = RedisServerCpu.nanos(redisUri) - serverBefore;
                long ceilingCpuPerXadd = Math.round((double) ceilingServerCpu / Math.max(messages, 1_000_000));
                report.put("redis_cpu_ns_per_msg", Math.round((double) measured.redisCpuNanos() / messages))
                        .put("redis_uri", redisUri)
                        .put("ceiling_ops_per_s", Math.round(ceiling))
                        .put("ceiling_redis_cpu_ns_per_op", ceilingCpuPerXadd)
                        .put("ratio", Math.round(opsPerSecond / ceiling * 1000) / 1000.0)
                        .put("ceiling_command", String.join(" ", command.subList(0, command.size() - 1)) + " <"
                                + payloadBytes + " bytes>");
                RedisCommandCosts.measure(redisUri, prefix + ":commands", Math.min(messages, 500_000), batch,
                        payloads(1).get(0)).addTo(report, ceilingCpuPerXadd);
            }
            report.put("load_average", loadBefore)
                    .put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            report.print(System.out, json);
            return 0;
        } catch (java.io.IOException | BenchFailure e) {
            spec.commandLine().getErr().println("bench bus: " + e.getMessage());
            return 1;
        } finally {
            if ("redis".equals(adapter)) {
                RedisKeys.delete(redisUri, prefix);
            }
        }
    }

    /**
     * Warm-up rounds until the JIT has settled: a bench JVM is still compiling Redisson's and netty's paths for tens
     * of seconds, and on two cores its compiler threads take CPU from the client and from Redis (one 200,000-message
     * warm-up left 9 s of C2 time inside the measured 18 s). Returns the messages sent.
     */
    private long warmUp(String prefix) throws InterruptedException, java.io.IOException {
        int round = Math.min(messages, 200_000);
        long sent = 0;
        for (int i = 0; sent < warmupMaxMessages; i++) {
            long jitBefore = JitCompileTime.millis();
            Run run = run(round, new Histogram(3), prefix + ":warmup-" + i);
            sent += round;
            long jit = JitCompileTime.millis() - jitBefore;
            if (jit * 100 < JIT_SETTLED_PERCENT * run.elapsedNanos() / 1_000_000) {
                break;
            }
        }
        return sent;
    }

    private long maxLength() {
        return Math.max(100_000, 4L * window * batch);
    }

    /** What one run took: wall time, this process's CPU time and (redis) the server's CPU time. */
    private record Run(long elapsedNanos, long clientCpuNanos, long redisCpuNanos) {
    }

    /** A run that did not go through: no progress, or not exactly once. */
    private static final class BenchFailure extends RuntimeException {
        BenchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Run run(int count, Histogram latency, String prefix) throws InterruptedException, java.io.IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        boolean redis = "redis".equals(adapter);
        try (MessageBus bus = newBus(prefix)) {
            bus.createGroup(StreamType.MARKET_DATA, "bench", StartPosition.EARLIEST);
            long[] sentNanos = new long[count];
            var ledger = new DeliveryLedger(count);
            // the publisher's window: a permit per message it may have in flight, returned once consumed; it waits
            // parked (a 10 us park-and-check loop here cost ~20 % of a core, counted as client CPU)
            var window = new Semaphore(this.window * batch);
            var publisherFailure = new AtomicReference<Throwable>();
            var stop = new AtomicBoolean();
            List<byte[]> template = payloads(batch);
            Thread publisher = new Thread(() -> {
                try {
                    publish(bus, template, count, sentNanos, window, ledger, stop);
                } catch (RuntimeException e) {
                    publisherFailure.set(e);
                }
            }, "bench-publisher");
            publisher.setDaemon(true);
            long serverCpuBefore = redis ? RedisServerCpu.nanos(redisUri) : 0;
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            publisher.start();
            long received = 0;
            long lastProgress = start;
            var ids = new ArrayList<MessageId>(batch);
            var acks = new ArrayDeque<CompletableFuture<Void>>();
            try {
                while (received < count) {
                    List<BusMessage> read = bus.read(StreamType.MARKET_DATA, "bench", "c1", batch, Duration.ofMillis(100));
                    long now = System.nanoTime();
                    if (read.isEmpty()) {
                        checkProgress(now - lastProgress, received, count, publisherFailure.get());
                        continue;
                    }
                    lastProgress = now;
                    ids.clear();
                    for (BusMessage message : read) {
                        int sequence = ByteBuffer.wrap(message.payload()).getInt(message.payload().length - 4);
                        if (sequence >= 0 && sequence < count) {
                            latency.recordValue(Math.max(0, now - sentNanos[sequence]));
                        }
                        ledger.consumed(sequence, message.id());
                        ids.add(message.id());
                    }
                    acks.add(bus.acknowledgeAsync(StreamType.MARKET_DATA, "bench", ids).toCompletableFuture()
                            .thenAccept(ledger::acknowledged));
                    while (acks.size() > ACKS_IN_FLIGHT) {
                        acks.poll().join();
                    }
                    received += read.size();
                    window.release(read.size());
                }
                acks.forEach(CompletableFuture::join);
            } finally {
                stop.set(true);
            }
            long elapsed = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            publisher.join();
            long serverCpu = redis ? RedisServerCpu.nanos(redisUri) - serverCpuBefore : 0;
            String failures = ledger.failures(bus.groupStats(StreamType.MARKET_DATA, "bench"));
            if (!failures.isEmpty()) {
                throw new BenchFailure(failures, null);
            }
            return new Run(elapsed, cpu, serverCpu);
        }
    }

    /** Ends the run with one line once the publisher failed or nothing was consumed for {@link #NO_PROGRESS_LIMIT}. */
    private static void checkProgress(long quietNanos, long received, int count, Throwable publisherFailure) {
        if (publisherFailure != null) {
            throw new BenchFailure("the publisher failed after " + received + " of " + count + " messages were consumed: "
                    + publisherFailure.getMessage(), publisherFailure);
        }
        if (quietNanos > NO_PROGRESS_LIMIT.toNanos()) {
            throw new BenchFailure("no message consumed for " + NO_PROGRESS_LIMIT.toSeconds() + " s, after " + received
                    + " of " + count + "; is the bus's server reachable and keeping up?", null);
        }
    }

    private void publish(MessageBus bus, List<byte[]> template, int count, long[] sentNanos, Semaphore window,
                         DeliveryLedger ledger, AtomicBoolean stop) {
        int sent = 0;
        var batchOut = new ArrayList<byte[]>(batch);
        while (sent < count) {
            int size = Math.min(batch, count - sent);
            try {
                while (!window.tryAcquire(size, 100, TimeUnit.MILLISECONDS)) {
                    if (stop.get()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            batchOut.clear();
            for (int i = 0; i < size; i++) {
                byte[] payload = template.get(i);
                ByteBuffer.wrap(payload).putInt(payload.length - 4, sent + i);
                batchOut.add(payload);
            }
            long now = System.nanoTime();
            for (int i = 0; i < size; i++) {
                sentNanos[sent + i] = now;
            }
            // the bus copies, so the template is reusable
            ledger.published(sent, bus.publishBatch(StreamType.MARKET_DATA, batchOut));
            sent += size;
        }
    }

    /** Encoded book tops with four spare bytes at the end for the message's sequence number. */
    private static List<byte[]> payloads(int count) {
        var codec = EnginePayloads.standard();
        var result = new ArrayList<byte[]>(count);
        for (int i = 0; i < count; i++) {
            byte[] book = codec.encode(new BookTop(Coin.of("BTC"), ExchangeId.BINANCE, 1_700_000_000_000_000L + i,
                    67_000.5, 1.25, 67_001.0, 0.75));
            result.add(java.util.Arrays.copyOf(book, book.length + 4));
        }
        return result;
    }

    private MessageBus newBus(String prefix) {
        if ("redis".equals(adapter)) {
            return Guice.createInjector(new RedisStreamsMessageBusModule(RedisBusConfig.of(redisUri, prefix, batch),
                    BusLimits.uniform(maxLength()))).getInstance(MessageBus.class);
        }
        return Guice.createInjector(new InMemoryMessageBusModule(BusLimits.uniform(16L * batch + 1_024)), new AbstractModule() {
            @Override
            protected void configure() {
                bind(EngineClock.class).toInstance(new SystemEngineClock());
            }
        }).getInstance(MessageBus.class);
    }
}
