package io.huracan.domain.risk;

import java.util.Arrays;

/**
 * The live reservations of one coin, as parallel primitive arrays with a free list, so holding an order's
 * reservation allocates nothing once the pool has grown to the coin's peak number of working orders. Guarded by
 * the owning {@link CoinBook}'s lock.
 *
 * <p>A handle packs coin index, slot and a generation: {@code coin << 44 | generation << 20 | slot}. The
 * generation changes each time a slot is reused, so a late or repeated fill or cancel for a finished reservation
 * is recognised and ignored instead of releasing someone else's exposure.
 */
final class ReservationPool {
    static final long NONE = 0;
    private static final int SLOT_BITS = 20;
    private static final int GENERATION_BITS = 24;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final int GENERATION_MASK = (1 << GENERATION_BITS) - 1;

    private final int coin;
    int[] generation;
    boolean[] live;
    int[] exchange;
    int[] sign;
    boolean[] reduceOnly;
    double[] remainingQuantity;
    double[] price;
    long[] grossUnits;
    long[] netUnits;
    private int[] free;
    private int freeCount;
    private int liveCount;

    ReservationPool(int coin, int capacity) {
        this.coin = coin;
        generation = new int[capacity];
        live = new boolean[capacity];
        exchange = new int[capacity];
        sign = new int[capacity];
        reduceOnly = new boolean[capacity];
        remainingQuantity = new double[capacity];
        price = new double[capacity];
        grossUnits = new long[capacity];
        netUnits = new long[capacity];
        free = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            free[i] = capacity - 1 - i;
            generation[i] = 1;
        }
        freeCount = capacity;
    }

    static int coinOf(long handle) {
        return (int) (handle >>> 44);
    }

    int liveCount() {
        return liveCount;
    }

    int capacity() {
        return live.length;
    }

    /** Takes a slot and returns its handle. */
    long open(int exchangeIndex, int orderSign, boolean reduce, double quantity, double atPrice,
              long gross, long net) {
        if (freeCount == 0) {
            grow();
        }
        int slot = free[--freeCount];
        live[slot] = true;
        exchange[slot] = exchangeIndex;
        sign[slot] = orderSign;
        reduceOnly[slot] = reduce;
        remainingQuantity[slot] = quantity;
        price[slot] = atPrice;
        grossUnits[slot] = gross;
        netUnits[slot] = net;
        liveCount++;
        return handle(slot);
    }

    long handle(int slot) {
        return ((long) coin << 44) | ((long) generation[slot] << SLOT_BITS) | slot;
    }

    /** The slot of a live reservation, or -1 if the handle is unknown, finished or belongs to another coin. */
    int slotOf(long handle) {
        if (coinOf(handle) != coin) {
            return -1;
        }
        int slot = (int) (handle & SLOT_MASK);
        int gen = (int) ((handle >>> SLOT_BITS) & GENERATION_MASK);
        return slot < live.length && live[slot] && generation[slot] == gen ? slot : -1;
    }

    void close(int slot) {
        live[slot] = false;
        remainingQuantity[slot] = 0;
        grossUnits[slot] = 0;
        netUnits[slot] = 0;
        generation[slot] = (generation[slot] % GENERATION_MASK) + 1;
        free[freeCount++] = slot;
        liveCount--;
    }

    private void grow() {
        int old = live.length;
        int size = old * 2;
        if (size > SLOT_MASK + 1) {
            throw new IllegalStateException("more than " + (SLOT_MASK + 1) + " working orders on one coin");
        }
        generation = Arrays.copyOf(generation, size);
        live = Arrays.copyOf(live, size);
        exchange = Arrays.copyOf(exchange, size);
        sign = Arrays.copyOf(sign, size);
        reduceOnly = Arrays.copyOf(reduceOnly, size);
        remainingQuantity = Arrays.copyOf(remainingQuantity, size);
        price = Arrays.copyOf(price, size);
        grossUnits = Arrays.copyOf(grossUnits, size);
        netUnits = Arrays.copyOf(netUnits, size);
        free = Arrays.copyOf(free, size);
        for (int i = old; i < size; i++) {
            generation[i] = 1;
            free[freeCount++] = size - 1 - (i - old);
        }
    }
}
