package io.huracan.adapter.memory;

import io.huracan.ports.bus.BusArguments;
import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.GroupStats;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamStats;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.time.EngineClock;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The message bus inside one process, with the same semantics as the Redis bus (see {@link MessageBus}). Each
 * stream has its own lock, so streams never contend with each other. Pending messages stay redeliverable until
 * acknowledged or dead-lettered even when the stream trims them (Redis would lose them; size max_length so that
 * trimming never reaches unacknowledged messages).
 */
final class InMemoryMessageBus implements MessageBus {
    private final BusLimits limits;
    private final MemoryStream[] streams;
    private volatile boolean open = true;

    @Inject
    InMemoryMessageBus(BusLimits limits, EngineClock clock) {
        this.limits = limits;
        this.streams = new MemoryStream[StreamType.values().length];
        for (StreamType type : StreamType.values()) {
            streams[type.ordinal()] = new MemoryStream(type, limits.maxLength(type), clock);
        }
    }

    @Override
    public MessageId publish(StreamType stream, byte[] payload) {
        checkOpen();
        return stream(stream).publish(BusArguments.payload(payload));
    }

    @Override
    public List<MessageId> publishBatch(StreamType stream, List<byte[]> payloads) {
        checkOpen();
        var copies = new byte[payloads.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = BusArguments.payload(payloads.get(i));
        }
        return stream(stream).publishBatch(List.of(copies));
    }

    @Override
    public boolean createGroup(StreamType stream, String group, StartPosition from) {
        checkOpen();
        if (from == null) {
            throw new IllegalArgumentException("start position is missing; allowed: EARLIEST or LATEST");
        }
        return stream(stream).createGroup(BusArguments.name("group", group), from, limits.deadLetterMaxLength());
    }

    @Override
    public List<BusMessage> read(StreamType stream, String group, String consumer, int maxCount, Duration timeout) {
        checkOpen();
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("read timeout " + timeout + " is invalid; allowed: a duration >= 0");
        }
        try {
            return stream(stream).read(BusArguments.name("group", group), BusArguments.name("consumer", consumer), BusArguments.maxCount(maxCount),
                    timeout.toNanos(), this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @Override
    public List<BusMessage> readPending(StreamType stream, String group, String consumer, int maxCount) {
        checkOpen();
        String name = BusArguments.name("consumer", consumer);
        return stream(stream).redeliver(BusArguments.name("group", group), name, name, 0, BusArguments.maxCount(maxCount), limits.maxDeliveries());
    }

    @Override
    public List<BusMessage> claimIdle(StreamType stream, String group, String consumer, Duration minIdle,
                                      int maxCount) {
        checkOpen();
        if (minIdle == null || minIdle.isNegative()) {
            throw new IllegalArgumentException("min idle " + minIdle + " is invalid; allowed: a duration >= 0");
        }
        return stream(stream).redeliver(BusArguments.name("group", group), null, BusArguments.name("consumer", consumer), minIdle.toNanos(),
                BusArguments.maxCount(maxCount), limits.maxDeliveries());
    }

    @Override
    public int acknowledge(StreamType stream, String group, Collection<MessageId> ids) {
        checkOpen();
        return stream(stream).acknowledge(BusArguments.name("group", group), ids);
    }

    @Override
    public List<BusMessage> deadLetters(StreamType stream, String group, int maxCount) {
        checkOpen();
        return stream(stream).deadLetters(BusArguments.name("group", group), BusArguments.maxCount(maxCount));
    }

    @Override
    public StreamStats streamStats(StreamType stream) {
        checkOpen();
        return stream(stream).stats();
    }

    @Override
    public GroupStats groupStats(StreamType stream, String group) {
        checkOpen();
        return stream(stream).groupStats(BusArguments.name("group", group));
    }

    @Override
    public void close() {
        open = false;
        for (MemoryStream stream : streams) {
            stream.wakeReaders();
        }
    }

    boolean isOpen() {
        return open;
    }

    void checkOpen() {
        if (!open) {
            throw new IllegalStateException("message bus is closed");
        }
    }

    private MemoryStream stream(StreamType type) {
        return streams[BusArguments.stream(type).ordinal()];
    }
}
