package io.huracan.adapter.redis;

import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StreamType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Messages accepted by {@code publish} and not yet written to Redis, per stream in id order, at most {@code bound}
 * in all. Accepting never waits for Redis: it gives the message its id (the bus clock's milliseconds and a sequence,
 * strictly increasing per stream) and queues it. Past the bound, accepting fails and nothing is queued; nothing
 * accepted is ever dropped. Ids carry wall-clock milliseconds (not the engine's market clock, which a replay puts
 * in the past): every process writing to a stream compares against the same time. Only the flusher takes messages out, and only after Redis has stored them.
 */
final class OutboundBuffer {

    /** One accepted message. */
    record Outgoing(long millis, long sequence, byte[] payload) {
    }

    private final long bound;
    private final LongSupplier wallMillis;
    private final Queue[] queues;
    private final AtomicLong buffered = new AtomicLong();

    OutboundBuffer(long bound, LongSupplier wallMillis) {
        this.bound = bound;
        this.wallMillis = wallMillis;
        this.queues = new Queue[StreamType.values().length];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new Queue();
        }
    }

    /** Queues the payloads in order and returns their ids, or throws {@link OutboundBufferFullException}. */
    List<MessageId> accept(StreamType stream, List<byte[]> payloads) {
        reserve(payloads.size());
        Queue queue = queues[stream.ordinal()];
        var ids = new ArrayList<MessageId>(payloads.size());
        synchronized (queue) {
            for (byte[] payload : payloads) {
                ids.add(queue.append(wallMillis.getAsLong(), payload));
            }
        }
        return ids;
    }

    MessageId accept(StreamType stream, byte[] payload) {
        reserve(1);
        Queue queue = queues[stream.ordinal()];
        MessageId id;
        synchronized (queue) {
            id = queue.append(wallMillis.getAsLong(), payload);
        }
        return id;
    }

    /** Copies up to {@code max} of the oldest messages of the stream into {@code into}, leaving them queued. */
    int peek(StreamType stream, List<Outgoing> into, int max) {
        Queue queue = queues[stream.ordinal()];
        synchronized (queue) {
            int taken = 0;
            for (Iterator<Outgoing> it = queue.messages.iterator(); it.hasNext() && taken < max; taken++) {
                into.add(it.next());
            }
            return taken;
        }
    }

    /** Drops the {@code count} oldest messages of the stream, which Redis now holds. */
    void written(StreamType stream, int count) {
        Queue queue = queues[stream.ordinal()];
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.messages.removeFirst();
            }
            queue.written += count;
        }
        buffered.addAndGet(-count);
    }

    /** Moves the stream's id clock past {@code id}, an id Redis reports (written by another process). */
    void advancePast(StreamType stream, MessageId id) {
        Queue queue = queues[stream.ordinal()];
        synchronized (queue) {
            if (id.millis() > queue.lastMillis || (id.millis() == queue.lastMillis && id.sequence() > queue.lastSequence)) {
                queue.lastMillis = id.millis();
                queue.lastSequence = id.sequence();
            }
        }
    }

    long buffered() {
        return buffered.get();
    }

    long bound() {
        return bound;
    }

    /** Messages of the stream accepted so far: a position {@link #writtenUpTo} can be asked about. */
    long acceptedCount(StreamType stream) {
        Queue queue = queues[stream.ordinal()];
        synchronized (queue) {
            return queue.written + queue.messages.size();
        }
    }

    /** True once the first {@code count} messages ever accepted on the stream are in Redis. */
    boolean writtenUpTo(StreamType stream, long count) {
        Queue queue = queues[stream.ordinal()];
        synchronized (queue) {
            return queue.written >= count;
        }
    }

    private void reserve(int count) {
        long now;
        do {
            now = buffered.get();
            if (now + count > bound) {
                throw new OutboundBufferFullException(now, count, bound);
            }
        } while (!buffered.compareAndSet(now, now + count));
    }

    private static final class Queue {
        final ArrayDeque<Outgoing> messages = new ArrayDeque<>();
        long lastMillis;
        long lastSequence = -1;
        long written;

        MessageId append(long clockMillis, byte[] payload) {
            long millis = Math.max(clockMillis, lastMillis);
            lastSequence = millis == lastMillis ? lastSequence + 1 : 0;
            lastMillis = millis;
            messages.addLast(new Outgoing(millis, lastSequence, payload));
            return new MessageId(millis, lastSequence);
        }
    }
}
