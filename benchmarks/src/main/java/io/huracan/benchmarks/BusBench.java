package io.huracan.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.adapter.memory.InMemoryMessageBusModule;
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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code huracan bench bus}: one publisher thread publishing encoded book tops in batches, one consumer reading and
 * acknowledging them in a consumer group. ops_per_s counts messages that went through publish, read and ack;
 * latency is publish to read. The publisher stays at most eight batches ahead of the consumer (so latency is that
 * of a bounded queue, not of an ever-growing backlog) and the stream is never trimmed.
 */
@Command(name = "bus", mixinStandardHelpOptions = true,
        description = "Message bus: publish + consume + ack messages/s and publish-to-read latency.")
public final class BusBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--adapter", defaultValue = "memory", description = "Bus adapter to measure: memory (the only one "
            + "built so far). Default: ${DEFAULT-VALUE}.")
    String adapter;

    @Option(names = "--messages", defaultValue = "2000000", description = "Messages to measure. Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--batch", defaultValue = "256", description = "Messages per publish and per read. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (!"memory".equals(adapter)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--adapter " + adapter
                    + " is not available; allowed: memory (the redis bus is not built yet)");
        }
        if (messages < 1 || batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--messages " + messages + " --batch " + batch + " is invalid; allowed: both > 0");
        }
        run(Math.min(messages, 200_000), new Histogram(3)); // warm up
        var latency = new Histogram(3);
        long elapsed = run(messages, latency);
        new BenchReport("bus", messages * 1e9 / elapsed)
                .latency(latency)
                .put("adapter", adapter)
                .put("messages", messages)
                .put("batch", batch)
                .put("payload_bytes", payloads(1).get(0).length)
                .print(System.out, json);
        return 0;
    }

    private long run(int count, Histogram latency) throws InterruptedException {
        try (MessageBus bus = memoryBus()) {
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
            while (sent - consumed.get() > 8L * batch) {
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

    private MessageBus memoryBus() {
        return Guice.createInjector(new InMemoryMessageBusModule(BusLimits.uniform(16L * batch + 1_024)), new AbstractModule() {
            @Override
            protected void configure() {
                bind(EngineClock.class).toInstance(new SystemEngineClock());
            }
        }).getInstance(MessageBus.class);
    }
}
