package io.huracan.ports.risk;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;

import java.time.Duration;

/**
 * Exposure totals shared by the engine processes of a cluster, so that risk limits hold over all of them. Each coin
 * contributes to the totals of its scopes (coin, sector, exchange, global gross, the two net sides, open trades), and
 * only the holder of the coin's lease writes that contribution: every write carries the lease's fencing token and is
 * refused once the lease is no longer current. A write replaces the coin's whole contribution (it is not a delta),
 * so a lost or repeated write is corrected by the next one, and a new lease holder's first write replaces what the
 * previous holder left: a dead process's reservations and positions are reclaimed when its coins are taken over.
 *
 * <p>Amounts are integers in the caller's fixed-point units. A contribution, the caps and the totals are arrays of
 * {@link #SLOTS} longs indexed by the slot constants below; the exchange slots are {@code EXCHANGE + ordinal}.
 *
 * <p>A store that cannot be reached throws {@link java.io.UncheckedIOException} from {@link #reserve}; published
 * writes wait and are retried.
 */
public interface SharedExposure extends AutoCloseable {
    int COIN = 0;
    int SECTOR = 1;
    int GLOBAL_GROSS = 2;
    int NET_LONG = 3;
    int NET_SHORT = 4;
    int OPEN_TRADES = 5;
    int EXCHANGE = 6;
    int SLOTS = EXCHANGE + ExchangeId.values().length;

    /** {@link #reserve} took the contribution. */
    int RESERVED = -1;
    /** The lease is not the coin's current one, or has less than the admission margin left: nothing was written. */
    int FENCED = -2;
    /** A newer contribution of the coin (a larger version under the same token) is stored already: nothing was written. */
    int STALE = -3;
    /** A cap that does not limit its slot. */
    long UNCAPPED = -1;

    /**
     * The order-admission step, atomic on the store: if the coin's lease is current with at least the admission
     * margin left, and every slot's total after replacing the coin's contribution with {@code contribution} is at
     * most its cap, writes it. {@code totals} receives the slot totals after the call (or as they are, when refused).
     *
     * @param version grows with every write for the coin under one token; a version not above the stored one is
     *                refused as {@link #STALE}
     * @return {@link #RESERVED}, {@link #FENCED}, {@link #STALE}, or the first slot over its cap
     */
    int reserve(Coin coin, Sector sector, long fencingToken, long version, long[] contribution, long[] caps,
                long[] totals);

    /**
     * Replaces the coin's contribution without caps (fills, cancels, a new holder's first write), without waiting:
     * a background writer sends it, newer versions of a coin replacing older ones not yet sent, and retries while the
     * store is unreachable. A write whose lease is no longer current is dropped.
     */
    void publish(Coin coin, Sector sector, long fencingToken, long version, long[] contribution);

    /** Waits until everything published so far was written or dropped; false if {@code timeout} passed first. */
    boolean flush(Duration timeout);

    /** Coins whose published contribution waits to be written. */
    int pendingWrites();

    /** Every scope's total now, read from the store. */
    SharedTotals totals();

    @Override
    void close();
}
