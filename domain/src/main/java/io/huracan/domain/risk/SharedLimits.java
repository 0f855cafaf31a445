package io.huracan.domain.risk;

import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;

import java.util.Arrays;

/**
 * The risk controller's side of scale-out: the port to the shared totals, and the totals as last seen (a snapshot
 * in the ledger's own slots, refreshed by every admission's reply and by {@link #refresh}). The snapshot only sizes an
 * order; the admission step checks the real totals atomically, so a stale snapshot costs a retry, never a limit.
 */
final class SharedLimits {
    private final SharedExposure exposure;
    private final RiskUniverse universe;
    private final ExposureLedger snapshot;
    private final ExposureLedger local;

    SharedLimits(SharedExposure exposure, RiskUniverse universe, ExposureLedger local) {
        this.exposure = exposure;
        this.universe = universe;
        this.local = local;
        this.snapshot = new ExposureLedger(universe.coinCount(), universe.sectorCount(), RiskUniverse.EXCHANGES);
    }

    /** The larger of this process's own counter and the shared total as last seen. */
    long used(int slot) {
        return Math.max(local.get(slot), snapshot.get(slot));
    }

    /** The admission step for the coin's new contribution; throws UncheckedIOException if the store is away. */
    int reserve(CoinBook book, long[] contribution, long[] caps) {
        long[] totals = new long[SharedExposure.SLOTS];
        int status = exposure.reserve(universe.coin(book.coin), universe.sector(book.sector), book.fencingToken,
                ++book.sharedVersion, contribution, caps, totals);
        remember(book, totals);
        return status;
    }

    /** Sends the coin's contribution as it is now (after a fill, a cancel, a new lease), without waiting. */
    void publish(CoinBook book) {
        if (book.fencingToken == 0) {
            return;
        }
        long[] contribution = new long[SharedExposure.SLOTS];
        book.contribution(contribution);
        exposure.publish(universe.coin(book.coin), universe.sector(book.sector), book.fencingToken,
                ++book.sharedVersion, contribution);
    }

    /** Reads every total from the store into the snapshot. */
    void refresh() {
        SharedTotals totals = exposure.totals();
        for (int c = 0; c < universe.coinCount(); c++) {
            snapshot.set(local.coinSlot(c), totals.coins().getOrDefault(universe.coin(c), 0L));
        }
        for (int s = 0; s < universe.sectorCount(); s++) {
            snapshot.set(local.sectorSlot(s), totals.sectors().getOrDefault(universe.sector(s), 0L));
        }
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            snapshot.set(local.exchangeSlot(e), totals.exchanges().getOrDefault(RiskUniverse.exchange(e), 0L));
        }
        snapshot.set(local.globalGrossSlot(), totals.globalGross());
        snapshot.set(local.netSlot(1), totals.netLong());
        snapshot.set(local.netSlot(-1), totals.netShort());
        snapshot.set(local.tradesSlot(), totals.openTrades());
    }

    /** The shared total of a scope as last seen, in quote units (for views and metrics). */
    double total(int slot) {
        return ExposureLedger.quote(snapshot.get(slot));
    }

    private void remember(CoinBook book, long[] totals) {
        snapshot.set(local.coinSlot(book.coin), totals[SharedExposure.COIN]);
        snapshot.set(local.sectorSlot(book.sector), totals[SharedExposure.SECTOR]);
        snapshot.set(local.globalGrossSlot(), totals[SharedExposure.GLOBAL_GROSS]);
        snapshot.set(local.netSlot(1), totals[SharedExposure.NET_LONG]);
        snapshot.set(local.netSlot(-1), totals[SharedExposure.NET_SHORT]);
        snapshot.set(local.tradesSlot(), totals[SharedExposure.OPEN_TRADES]);
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            snapshot.set(local.exchangeSlot(e), totals[SharedExposure.EXCHANGE + e]);
        }
    }

    /** Caps array with nothing capped. */
    static long[] uncapped() {
        long[] caps = new long[SharedExposure.SLOTS];
        Arrays.fill(caps, SharedExposure.UNCAPPED);
        return caps;
    }
}
