package io.huracan.adapter.redis;

import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StreamType;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that writes the outbound buffer to Redis: per round trip, up to {@link #CHUNKS_PER_STREAM}
 * scripts of {@code batchSize} messages for every stream with messages waiting, pipelined in one Redisson batch.
 * Messages leave the buffer only once Redis has answered for them. A failed round trip (Redis slow, restarting or
 * unreachable) is retried after a backoff that doubles from {@code reconnectBackoffMin} to
 * {@code reconnectBackoffMax}; Redisson reconnects underneath.
 */
final class OutboundFlusher implements Runnable {
    static final int CHUNKS_PER_STREAM = 8;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RedissonClient redis;
    private final OutboundBuffer buffer;
    private final StreamKeys keys;
    private final RedisBusConfig config;
    private final RedisFailures failures;
    private final Object progress = new Object();
    private final AtomicLong reassigned = new AtomicLong();
    private final Thread thread;
    private final List<OutboundBuffer.Outgoing> scratch = new ArrayList<>();
    private final byte[][] maxLengths;

    private volatile boolean running = true;
    private volatile boolean idle;
    private volatile boolean failing;
    private volatile String lastError = "";

    OutboundFlusher(RedissonClient redis, OutboundBuffer buffer, StreamKeys keys, BusLimits limits,
                    RedisBusConfig config, RedisFailures failures) {
        this.redis = redis;
        this.buffer = buffer;
        this.keys = keys;
        this.config = config;
        this.failures = failures;
        this.maxLengths = new byte[StreamType.values().length][];
        for (StreamType stream : StreamType.values()) {
            maxLengths[stream.ordinal()] = Long.toString(limits.maxLength(stream)).getBytes(StandardCharsets.US_ASCII);
        }
        this.thread = new Thread(this, "huracan-redis-bus-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called after accepting messages: wakes the writer if it is parked. */
    void wake() {
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits until the first {@code count} messages accepted on the stream are in Redis, at most until
     * {@code deadlineNanos} (when Redis is down the caller's own command will then report it).
     */
    void awaitWritten(StreamType stream, long count, long deadlineNanos) throws InterruptedException {
        synchronized (progress) {
            while (!buffer.writtenUpTo(stream, count) && running) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                wake();
                TimeUnit.NANOSECONDS.timedWait(progress, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(5)));
            }
        }
    }

    /** Stops after writing what is buffered, waiting at most {@code drainMillis} for Redis; returns what was left. */
    long stop(long drainMillis) throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(drainMillis);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(1_000);
        }
        synchronized (progress) {
            progress.notifyAll();
        }
        return buffer.buffered();
    }

    boolean failing() {
        return failing;
    }

    String lastError() {
        return lastError;
    }

    long reassigned() {
        return reassigned.get();
    }

    @Override
    public void run() {
        long backoffNanos = config.reconnectBackoffMin().toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            int written;
            try {
                written = writeOnce();
                failing = false;
                backoffNanos = config.reconnectBackoffMin().toNanos();
            } catch (RuntimeException e) {
                failing = true;
                lastError = RedisFailures.firstLine(String.valueOf(e.getMessage()));
                LockSupport.parkNanos(backoffNanos);
                backoffNanos = Math.min(backoffNanos * 2, config.reconnectBackoffMax().toNanos());
                continue;
            }
            if (written == 0) {
                if (!running) {
                    return;
                }
                idle = true;
                if (buffer.buffered() == 0 && running) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
                idle = false;
            }
        }
    }

    /** The messages in PUBLISH's packed form, ids written as digits. */
    private static byte[] pack(List<OutboundBuffer.Outgoing> messages, int from, int to) {
        int size = 0;
        for (int i = from; i < to; i++) {
            OutboundBuffer.Outgoing message = messages.get(i);
            size += 2 + StreamIdDigits.length(message.millis(), message.sequence()) + 4 + message.payload().length;
        }
        ByteBuffer packed = ByteBuffer.allocate(size);
        for (int i = from; i < to; i++) {
            OutboundBuffer.Outgoing message = messages.get(i);
            packed.putShort((short) StreamIdDigits.length(message.millis(), message.sequence()));
            StreamIdDigits.put(packed, message.millis(), message.sequence());
            packed.putInt(message.payload().length).put(message.payload());
        }
        return packed.array();
    }

    private int writeOnce() {
        RBatch batch = redis.createBatch(BatchOptions.defaults().retryAttempts(0)
                .responseTimeout(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS));
        RScriptAsync script = batch.getScript(ByteArrayCodec.INSTANCE);
        int[] taken = new int[StreamType.values().length];
        var replies = new ArrayList<List<RFuture<List<Object>>>>(taken.length);
        int total = 0;
        for (StreamType stream : StreamType.values()) {
            scratch.clear();
            int count = buffer.peek(stream, scratch, config.batchSize() * CHUNKS_PER_STREAM);
            taken[stream.ordinal()] = count;
            var streamReplies = new ArrayList<RFuture<List<Object>>>();
            replies.add(streamReplies);
            String key = keys.stream(stream);
            byte[] maxLength = maxLengths[stream.ordinal()];
            for (int from = 0; from < count; from += config.batchSize()) {
                int to = Math.min(count, from + config.batchSize());
                streamReplies.add(script.evalAsync(key, RScript.Mode.READ_WRITE, RedisScripts.PUBLISH,
                        RScript.ReturnType.MULTI, List.of(key), maxLength, pack(scratch, from, to)));
            }
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        try {
            batch.execute();
        } catch (RuntimeException e) {
            throw failures.unreachable("writing " + total + " buffered messages failed: "
                    + RedisFailures.firstLine(String.valueOf(e.getMessage())), e);
        }
        for (StreamType stream : StreamType.values()) {
            int count = taken[stream.ordinal()];
            if (count == 0) {
                continue;
            }
            buffer.written(stream, count);
            for (RFuture<List<Object>> reply : replies.get(stream.ordinal())) {
                List<Object> result = reply.toCompletableFuture().join();
                long moved = (Long) result.get(0);
                if (moved > 0) {
                    reassigned.addAndGet(moved);
                    buffer.advancePast(stream, MessageId.parse(new String((byte[]) result.get(1),
                            StandardCharsets.US_ASCII)));
                }
            }
        }
        synchronized (progress) {
            progress.notifyAll();
        }
        return total;
    }
}
