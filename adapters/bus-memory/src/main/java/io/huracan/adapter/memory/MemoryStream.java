package io.huracan.adapter.memory;

import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.GroupStats;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamStats;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.time.EngineClock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stream: a ring of ids and payloads addressed by offset (0, 1, 2, ... in publish order) and its consumer
 * groups, all behind one lock. Trimming drops the oldest messages in chunks once the stream is a tenth over its
 * bound, like Redis {@code MAXLEN ~}.
 */
final class MemoryStream {
    private final StreamType type;
    private final long maxLength;
    private final long trimSlack;
    private final EngineClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private final Map<String, MemoryGroup> groups = new HashMap<>();

    private int mask = 1023;
    private long[] idMillis = new long[1024];
    private long[] idSequence = new long[1024];
    private byte[][] payloads = new byte[1024][];
    private long first;
    private long end;
    private long lastMillis;
    private long lastSequence = -1;

    MemoryStream(StreamType type, long maxLength, EngineClock clock) {
        this.type = type;
        this.maxLength = maxLength;
        this.trimSlack = Math.max(1, Math.min(maxLength / 10, 10_000));
        this.clock = clock;
    }

    MessageId publish(byte[] payload) {
        lock.lock();
        try {
            append(payload);
            published.signalAll();
            return new MessageId(lastMillis, lastSequence);
        } finally {
            lock.unlock();
        }
    }

    List<MessageId> publishBatch(List<byte[]> batch) {
        var ids = new ArrayList<MessageId>(batch.size());
        lock.lock();
        try {
            for (byte[] payload : batch) {
                append(payload);
                ids.add(new MessageId(lastMillis, lastSequence));
            }
            published.signalAll();
            return ids;
        } finally {
            lock.unlock();
        }
    }

    boolean createGroup(String group, StartPosition from, long deadLetterMaxLength) {
        lock.lock();
        try {
            if (groups.containsKey(group)) {
                return false;
            }
            groups.put(group, new MemoryGroup(type, group, from == StartPosition.EARLIEST ? first : end,
                    deadLetterMaxLength));
            return true;
        } finally {
            lock.unlock();
        }
    }

    List<BusMessage> read(String groupName, String consumerName, int maxCount, long timeoutNanos,
                          InMemoryMessageBus bus) throws InterruptedException {
        lock.lock();
        try {
            MemoryGroup group = group(groupName);
            long remaining = timeoutNanos;
            while (end - Math.max(group.nextOffset, first) == 0 && remaining > 0 && bus.isOpen()) {
                remaining = published.awaitNanos(remaining);
            }
            bus.checkOpen();
            if (group.nextOffset < first) {
                group.nextOffset = first;
            }
            int count = (int) Math.min(maxCount, end - group.nextOffset);
            if (count == 0) {
                return List.of();
            }
            int consumer = group.consumer(consumerName);
            long now = clock.monotonicNanos();
            var result = new ArrayList<BusMessage>(count);
            for (int i = 0; i < count; i++) {
                int slot = (int) (group.nextOffset++ & mask);
                group.delivered(idMillis[slot], idSequence[slot], payloads[slot], consumer, now);
                result.add(new BusMessage(type, group.lastDelivered(), payloads[slot], 1));
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    List<BusMessage> redeliver(String groupName, String ownerName, String toName, long minIdleNanos, int maxCount,
                               int maxDeliveries) {
        lock.lock();
        try {
            MemoryGroup group = group(groupName);
            int to = group.consumer(toName);
            int owner = ownerName == null ? -1 : group.consumer(ownerName);
            return group.redeliver(owner, to, minIdleNanos, maxCount, maxDeliveries, clock.monotonicNanos());
        } finally {
            lock.unlock();
        }
    }

    int acknowledge(String groupName, Collection<MessageId> ids) {
        lock.lock();
        try {
            MemoryGroup group = group(groupName);
            int acknowledged = 0;
            for (MessageId id : ids) {
                acknowledged += group.acknowledge(id);
            }
            return acknowledged;
        } finally {
            lock.unlock();
        }
    }

    List<BusMessage> deadLetters(String groupName, int maxCount) {
        lock.lock();
        try {
            return group(groupName).deadLetters(maxCount);
        } finally {
            lock.unlock();
        }
    }

    StreamStats stats() {
        lock.lock();
        try {
            long length = end - first;
            return new StreamStats(type, length, length == 0 ? MessageId.ZERO : idAt(first),
                    end == 0 ? MessageId.ZERO : idAt(end - 1), end);
        } finally {
            lock.unlock();
        }
    }

    GroupStats groupStats(String groupName) {
        lock.lock();
        try {
            MemoryGroup group = group(groupName);
            return new GroupStats(type, groupName, end - Math.max(group.nextOffset, first), group.pendingCount(),
                    group.deadLettered(), group.lastDelivered(), group.pendingByConsumer());
        } finally {
            lock.unlock();
        }
    }

    void wakeReaders() {
        lock.lock();
        try {
            published.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private MemoryGroup group(String name) {
        MemoryGroup group = groups.get(name);
        if (group == null) {
            throw new IllegalStateException("consumer group '" + name + "' does not exist on stream " + type.key()
                    + "; create it with createGroup first");
        }
        return group;
    }

    private MessageId idAt(long offset) {
        int slot = (int) (offset & mask);
        return new MessageId(idMillis[slot], idSequence[slot]);
    }

    private void append(byte[] payload) {
        long millis = Math.max(clock.epochMicros() / 1000, lastMillis);
        lastSequence = millis == lastMillis ? lastSequence + 1 : 0;
        lastMillis = millis;
        if (end - first > mask) {
            grow();
        }
        int slot = (int) (end & mask);
        idMillis[slot] = millis;
        idSequence[slot] = lastSequence;
        payloads[slot] = payload;
        end++;
        if (end - first > maxLength + trimSlack) {
            while (end - first > maxLength) {
                payloads[(int) (first++ & mask)] = null;
            }
        }
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        long[] newMillis = new long[capacity];
        long[] newSequence = new long[capacity];
        byte[][] newPayloads = new byte[capacity][];
        for (long offset = first; offset < end; offset++) {
            int from = (int) (offset & mask);
            int to = (int) (offset & (capacity - 1));
            newMillis[to] = idMillis[from];
            newSequence[to] = idSequence[from];
            newPayloads[to] = payloads[from];
        }
        idMillis = newMillis;
        idSequence = newSequence;
        payloads = newPayloads;
        mask = capacity - 1;
    }
}
