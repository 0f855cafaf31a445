package io.huracan.adapter.memory;

import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StreamType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One consumer group of a {@link MemoryStream}; guarded by the stream's lock. Deliveries are kept in a ring in
 * first-delivery order (which is id order), from the oldest still pending to the newest: a parallel-array
 * pending-entries list, so acknowledging is a binary search and nothing is allocated per message.
 */
final class MemoryGroup {
    private final StreamType stream;
    private final String name;
    private final long deadLetterMaxLength;

    long nextOffset;
    private MessageId lastDelivered = MessageId.ZERO;

    private long base;
    private long end;
    private int mask = 1023;
    private long[] idMillis = new long[1024];
    private long[] idSequence = new long[1024];
    private byte[][] payloads = new byte[1024][];
    private boolean[] pending = new boolean[1024];
    private int[] consumerOf = new int[1024];
    private int[] deliveries = new int[1024];
    private long[] deliveredAtNanos = new long[1024];
    private long pendingCount;

    private final Map<String, Integer> consumerIndex = new HashMap<>();
    private final List<String> consumerNames = new ArrayList<>();
    private long[] pendingPerConsumer = new long[8];

    private final ArrayDeque<BusMessage> deadLetters = new ArrayDeque<>();
    private long deadLettered;

    MemoryGroup(StreamType stream, String name, long startOffset, long deadLetterMaxLength) {
        this.stream = stream;
        this.name = name;
        this.nextOffset = startOffset;
        this.deadLetterMaxLength = deadLetterMaxLength;
    }

    int consumer(String consumerName) {
        Integer index = consumerIndex.get(consumerName);
        if (index != null) {
            return index;
        }
        int added = consumerNames.size();
        consumerNames.add(consumerName);
        consumerIndex.put(consumerName, added);
        if (added == pendingPerConsumer.length) {
            pendingPerConsumer = Arrays.copyOf(pendingPerConsumer, added * 2);
        }
        return added;
    }

    /** Records a first delivery. */
    void delivered(long millis, long sequence, byte[] payload, int consumer, long nowNanos) {
        if (end - base > mask) {
            grow();
        }
        int slot = (int) (end & mask);
        idMillis[slot] = millis;
        idSequence[slot] = sequence;
        payloads[slot] = payload;
        pending[slot] = true;
        consumerOf[slot] = consumer;
        deliveries[slot] = 1;
        deliveredAtNanos[slot] = nowNanos;
        end++;
        pendingCount++;
        pendingPerConsumer[consumer]++;
        lastDelivered = new MessageId(millis, sequence);
    }

    int acknowledge(MessageId id) {
        long position = find(id);
        if (position < 0) {
            return 0;
        }
        removePending((int) (position & mask));
        advanceBase();
        return 1;
    }

    /**
     * Redelivers pending messages, oldest first: those of {@code onlyConsumer} (or of anyone when it is -1) idle
     * at least {@code minIdleNanos}, handing them to {@code toConsumer}. Messages at the delivery limit become dead
     * letters instead.
     */
    List<BusMessage> redeliver(int onlyConsumer, int toConsumer, long minIdleNanos, int maxCount, int maxDeliveries,
                               long nowNanos) {
        var result = new ArrayList<BusMessage>(Math.min(maxCount, (int) Math.min(pendingCount, 1024)));
        for (long position = base; position < end && result.size() < maxCount; position++) {
            int slot = (int) (position & mask);
            if (!pending[slot] || (onlyConsumer >= 0 && consumerOf[slot] != onlyConsumer)
                    || nowNanos - deliveredAtNanos[slot] < minIdleNanos) {
                continue;
            }
            if (deliveries[slot] >= maxDeliveries) {
                deadLetter(slot);
                continue;
            }
            pendingPerConsumer[consumerOf[slot]]--;
            pendingPerConsumer[toConsumer]++;
            consumerOf[slot] = toConsumer;
            deliveries[slot]++;
            deliveredAtNanos[slot] = nowNanos;
            result.add(new BusMessage(stream, new MessageId(idMillis[slot], idSequence[slot]), payloads[slot],
                    deliveries[slot]));
        }
        advanceBase();
        return result;
    }

    List<BusMessage> deadLetters(int maxCount) {
        var result = new ArrayList<BusMessage>(Math.min(maxCount, deadLetters.size()));
        for (BusMessage message : deadLetters) {
            if (result.size() == maxCount) {
                break;
            }
            result.add(message);
        }
        return result;
    }

    long pendingCount() {
        return pendingCount;
    }

    long deadLettered() {
        return deadLettered;
    }

    MessageId lastDelivered() {
        return lastDelivered;
    }

    String name() {
        return name;
    }

    Map<String, Long> pendingByConsumer() {
        var result = new LinkedHashMap<String, Long>();
        for (int i = 0; i < consumerNames.size(); i++) {
            if (pendingPerConsumer[i] > 0) {
                result.put(consumerNames.get(i), pendingPerConsumer[i]);
            }
        }
        return result;
    }

    private void deadLetter(int slot) {
        deadLetters.addLast(new BusMessage(stream, new MessageId(idMillis[slot], idSequence[slot]), payloads[slot],
                deliveries[slot]));
        if (deadLetters.size() > deadLetterMaxLength) {
            deadLetters.removeFirst();
        }
        deadLettered++;
        removePending(slot);
    }

    private void removePending(int slot) {
        pending[slot] = false;
        payloads[slot] = null;
        pendingCount--;
        pendingPerConsumer[consumerOf[slot]]--;
    }

    private void advanceBase() {
        while (base < end && !pending[(int) (base & mask)]) {
            base++;
        }
    }

    /** Binary search over the ring by id; -1 when the id is not pending. */
    private long find(MessageId id) {
        long low = base;
        long high = end - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            int slot = (int) (middle & mask);
            int order = idMillis[slot] != id.millis() ? Long.compare(idMillis[slot], id.millis())
                    : Long.compare(idSequence[slot], id.sequence());
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return pending[slot] ? middle : -1;
            }
        }
        return -1;
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        long[] newMillis = new long[capacity];
        long[] newSequence = new long[capacity];
        byte[][] newPayloads = new byte[capacity][];
        boolean[] newPending = new boolean[capacity];
        int[] newConsumer = new int[capacity];
        int[] newDeliveries = new int[capacity];
        long[] newDeliveredAt = new long[capacity];
        for (long position = base; position < end; position++) {
            int from = (int) (position & mask);
            int to = (int) (position & (capacity - 1));
            newMillis[to] = idMillis[from];
            newSequence[to] = idSequence[from];
            newPayloads[to] = payloads[from];
            newPending[to] = pending[from];
            newConsumer[to] = consumerOf[from];
            newDeliveries[to] = deliveries[from];
            newDeliveredAt[to] = deliveredAtNanos[from];
        }
        idMillis = newMillis;
        idSequence = newSequence;
        payloads = newPayloads;
        pending = newPending;
        consumerOf = newConsumer;
        deliveries = newDeliveries;
        deliveredAtNanos = newDeliveredAt;
        mask = capacity - 1;
    }
}
