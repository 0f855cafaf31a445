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

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code huracan bench bus}: one publisher thread publishing encoded book tops in batches, one consumer reading and
 * acknowledging them in a consumer group. ops_per_s counts messages that went through publish, read and ack;
 * latency is publish to read. The publisher stays at most {@code --window} batches ahead of the consumer (so latency
 * is that of a bounded queue, not of an ever-growing backlog) and the stream is never trimmed below that.
 * With {@code --adapter redis} the bus runs against {@code --redis-uri} under a fresh key prefix (deleted after),
 * and the same run measures the server's own XADD ceiling with {@code redis-benchmark -P 64} ({@link RedisCeiling}).
 */
@Command(name = "bus", mixinStandardHelpOptions = true,
        description = "Message bus: publish + consume + ack messages/s and publish-to-read latency.")
public final class BusBench implements Callable<Integer> {

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

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (!"memory".equals(adapter) && !"redis".equals(adapter)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--adapter " + adapter
                    + " is not available; allowed: memory or redis");
        }
        if (messages < 1 || batch < 1 || (window != null && window < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--messages " + messages + " --batch "
                    + batch + " --window " + window + " is invalid; allowed: all > 0");
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
            run(Math.min(messages, 200_000), new Histogram(3), prefix + ":warmup"); // warm up
            var latency = new Histogram(3);
            long elapsed = run(messages, latency, prefix + ":measure");
            double opsPerSecond = messages * 1e9 / elapsed;
            int payloadBytes = payloads(1).get(0).length;
            var report = new BenchReport("bus", opsPerSecond)
                    .latency(latency)
                    .put("adapter", adapter)
                    .put("messages", messages)
                    .put("batch", batch)
                    .put("window", window)
                    .put("payload_bytes", payloadBytes);
            if ("redis".equals(adapter)) {
                List<String> command = RedisCeiling.command(redisUri, prefix + ":ceiling", Math.max(messages, 1_000_000),
                        payloadBytes, maxLength());
                double ceiling = RedisCeiling.measure(command);
                report.put("redis_uri", redisUri)
                        .put("ceiling_ops_per_s", Math.round(ceiling))
                        .put("ratio", Math.round(opsPerSecond / ceiling * 1000) / 1000.0)
                        .put("ceiling_command", String.join(" ", command.subList(0, command.size() - 1)) + " <"
                                + payloadBytes + " bytes>");
            }
            report.print(System.out, json);
            return 0;
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("bench bus: " + e.getMessage());
            return 1;
        } finally {
            if ("redis".equals(adapter)) {
                RedisKeys.delete(redisUri, prefix);
            }
        }
    }

    private long maxLength() {
        return Math.max(100_000, 4L * window * batch);
    }

    private long run(int count, Histogram latency, String prefix) throws InterruptedException {
        try (MessageBus bus = newBus(prefix)) {
            bus.createGroup(StreamType.MARKET_DATA, "bench", StartPosition.EARLIEST);
            long[] sentNanos = new long[count];
            var consumed = new AtomicLong();
            List<byte[]> template = payloads(batch);
            Thread publisher = new Thread(() -> publish(bus, template, count, sentNanos, consumed), "bench-publisher");
            long start = System.nanoTime();
            publisher.start();
            long received = 0;
            var ids = new ArrayList<MessageId>(batch);
            while (received < count) {
                List<BusMessage> read = bus.read(StreamType.MARKET_DATA, "bench", "c1", batch, Duration.ofMillis(100));
                long now = System.nanoTime();
                ids.clear();
                for (BusMessage message : read) {
                    int sequence = ByteBuffer.wrap(message.payload()).getInt(message.payload().length - 4);
                    latency.recordValue(Math.max(0, now - sentNanos[sequence]));
                    ids.add(message.id());
                }
                bus.acknowledge(StreamType.MARKET_DATA, "bench", ids);
                received += read.size();
                consumed.set(received);
            }
            long elapsed = System.nanoTime() - start;
            publisher.join();
            return elapsed;
        }
    }

    private void publish(MessageBus bus, List<byte[]> template, int count, long[] sentNanos, AtomicLong consumed) {
        int sent = 0;
        var batchOut = new ArrayList<byte[]>(batch);
        while (sent < count) {
            while (sent - consumed.get() > (long) window * batch) {
                LockSupport.parkNanos(10_000);
            }
            int size = Math.min(batch, count - sent);
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
            bus.publishBatch(StreamType.MARKET_DATA, batchOut); // the bus copies, so the template is reusable
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
