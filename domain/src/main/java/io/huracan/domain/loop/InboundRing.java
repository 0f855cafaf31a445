package io.huracan.domain.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A loop's bounded inbound queue: many producers, one consumer, a power-of-two ring of (key, event, enqueue time)
 * entries, allocation-free. Each slot carries the sequence it was last published at, so the consumer never reads
 * an entry half-written.
 *
 * <p>With {@link BackpressurePolicy#BLOCK} a producer claims a sequence only when there is room, and
 * {@link #tryOffer} fails when full. With {@link BackpressurePolicy#DROP_OLDEST} a producer always claims the next
 * sequence and overwrites the oldest entry; the consumer notices it was lapped, skips what it lost and counts
 * every lost entry in {@link #dropped()}.
 */
public final class InboundRing {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TAIL;
    private static final VarHandle HEAD;
    private static final long WRITING = Long.MIN_VALUE;

    static {
        try {
            var lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(InboundRing.class, "tail", long.class);
            HEAD = lookup.findVarHandle(InboundRing.class, "head", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Receives the entries the consumer takes; returns false to end the drain after this entry. */
    @FunctionalInterface
    public interface Consumer {
        boolean accept(Object key, Object event, long enqueuedNanos);
    }

    private final int capacity;
    private final int mask;
    private final boolean dropOldest;
    private final long[] sequences;
    private final Object[] keys;
    private final Object[] events;
    private final long[] enqueuedNanos;

    // producers' and consumer's positions, padded apart so they do not share a cache line
    long p01, p02, p03, p04, p05, p06, p07;
    private volatile long tail;
    long p11, p12, p13, p14, p15, p16, p17;
    private volatile long head;
    long p21, p22, p23, p24, p25, p26, p27;
    private volatile long dropped;

    /** A ring of at least {@code minCapacity} entries, rounded up to a power of two. */
    public InboundRing(int minCapacity, BackpressurePolicy policy) {
        if (minCapacity < 2 || minCapacity > (1 << 30)) {
            throw new IllegalArgumentException("queue capacity " + minCapacity + " is invalid; allowed: 2 to 2^30");
        }
        this.capacity = Integer.highestOneBit(minCapacity - 1) << 1;
        this.mask = capacity - 1;
        this.dropOldest = policy == BackpressurePolicy.DROP_OLDEST;
        this.sequences = new long[capacity];
        this.keys = new Object[capacity];
        this.events = new Object[capacity];
        this.enqueuedNanos = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences[i] = i - capacity + 1;
        }
    }

    /**
     * Adds an entry; false only when the ring is full under BLOCK (the caller decides how to wait). Under
     * DROP_OLDEST it always succeeds, displacing the oldest entry if the ring is full.
     */
    public boolean tryOffer(Object key, Object event, long nowNanos) {
        long sequence;
        if (dropOldest) {
            sequence = (long) TAIL.getAndAdd(this, 1L);
        } else {
            do {
                sequence = tail;
                if (sequence - head >= capacity) {
                    return false;
                }
            } while (!TAIL.compareAndSet(this, sequence, sequence + 1));
        }
        int slot = (int) sequence & mask;
        long previous = sequence - capacity + 1;
        for (int spins = 0; (long) SEQUENCE.getAcquire(sequences, slot) != previous; spins++) {
            // another producer is still writing the previous lap of this slot; it may have been descheduled
            if (spins < 64) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        SEQUENCE.setOpaque(sequences, slot, WRITING);
        VarHandle.storeStoreFence();
        keys[slot] = key;
        events[slot] = event;
        enqueuedNanos[slot] = nowNanos;
        SEQUENCE.setRelease(sequences, slot, sequence + 1);
        return true;
    }

    /** Hands up to {@code limit} entries, oldest first, to {@code consumer}; returns how many. One consumer thread only. */
    public int drain(Consumer consumer, int limit) {
        long position = head;
        int taken = 0;
        while (taken < limit) {
            int slot = (int) position & mask;
            long published = (long) SEQUENCE.getAcquire(sequences, slot);
            if (published == position + 1) {
                Object key = keys[slot];
                Object event = events[slot];
                long stamp = enqueuedNanos[slot];
                VarHandle.loadLoadFence();
                if ((long) SEQUENCE.getAcquire(sequences, slot) == published) {
                    keys[slot] = null;
                    events[slot] = null;
                    HEAD.setRelease(this, ++position);
                    if (key == null || event == null) {
                        countDropped(1); // a producer lapping us raced with the clearing of this slot
                        continue;
                    }
                    taken++;
                    if (!consumer.accept(key, event, stamp)) {
                        break;
                    }
                    continue;
                }
            }
            long claimed = tail;
            if (claimed - position <= capacity) {
                break; // the next entry is claimed but not yet published, or there is none
            }
            long oldestKept = claimed - capacity;
            countDropped(oldestKept - position);
            position = oldestKept;
            HEAD.setRelease(this, position);
        }
        return taken;
    }

    /** Entries waiting (a snapshot; never more than the capacity). */
    public int size() {
        return (int) Math.max(0, Math.min(capacity, tail - head));
    }

    public boolean isEmpty() {
        return tail == head;
    }

    public int capacity() {
        return capacity;
    }

    /** Sequences claimed so far: every entry offered before this call is below it. */
    public long producerPosition() {
        return tail;
    }

    /** Sequences consumed or dropped so far. */
    public long consumerPosition() {
        return head;
    }

    /** Entries lost to DROP_OLDEST since the ring was made. */
    public long dropped() {
        return dropped;
    }

    private void countDropped(long count) {
        dropped = dropped + count; // only the consumer thread writes
    }
}
