package io.huracan.domain.cost;

import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.util.Arrays;
import java.util.Map;

/**
 * Ranks the universe by cost efficiency. For every coin with a signal it evaluates each enabled venue, keeps
 * the best one, and orders the coins that clear the minimum edge after cost by the {@link RankingKey}, then by
 * the other measure, then by coin index, so equal inputs always rank the same. {@link #topK} feeds the
 * active_coins throttle. A coin no venue can trade is skipped with the furthest reason any venue reached, and
 * counted per reason for the last ranking. Allocation-free after construction; one owning thread.
 */
public final class CoinRanking {
    private static final CostSkipReason[] REASONS = CostSkipReason.values();

    private final CostModel model;
    private final RankingKey key;
    private final int[] venues;
    private final InstrumentKind[] kinds;
    private CostBreakdown scratch = new CostBreakdown();
    private final CostBreakdown[] best;
    private final int[] order;
    private final double[] primaryKey;
    private final double[] secondaryKey;
    private final long[] skipped = new long[REASONS.length];
    private int ranked;

    /** @param venues the enabled exchanges and the instrument each trades (spot or perpetual) */
    public CoinRanking(CostModel model, Map<ExchangeId, InstrumentKind> venues, RankingKey key) {
        if (venues.isEmpty()) {
            throw new IllegalArgumentException("ranking needs at least one venue; allowed: " + ExchangeId.allowedKeys());
        }
        this.model = model;
        this.key = key;
        this.venues = new int[venues.size()];
        this.kinds = new InstrumentKind[venues.size()];
        int i = 0;
        for (ExchangeId exchange : ExchangeId.values()) {
            if (venues.containsKey(exchange)) {
                this.venues[i] = exchange.ordinal();
                this.kinds[i++] = venues.get(exchange);
            }
        }
        int coins = model.coins().size();
        best = new CostBreakdown[coins];
        for (int c = 0; c < coins; c++) {
            best[c] = new CostBreakdown();
        }
        order = new int[coins];
        primaryKey = new double[coins];
        secondaryKey = new double[coins];
    }

    /** Re-ranks every coin with a signal at {@code nowMicros}; returns how many coins are tradeable. */
    public int rank(CoinSignals signals, long nowMicros) {
        if (signals.size() != best.length) {
            throw new IllegalArgumentException("signals for " + signals.size() + " coins given to a ranking of "
                    + best.length + "; allowed: one slot per universe coin");
        }
        Arrays.fill(skipped, 0);
        ranked = 0;
        // venue-major, so that per-slot state is read in memory order
        for (int v = 0; v < venues.length; v++) {
            for (int coin = 0; coin < best.length; coin++) {
                if (!signals.has(coin)) {
                    continue;
                }
                CostBreakdown into = v == 0 ? best[coin] : scratch;
                model.evaluate(venues[v], coin, kinds[v], signals.side(coin), signals.quantity(coin),
                        signals.edgeBps(coin), signals.horizonMicros(coin), signals.maker(coin), nowMicros, into);
                if (v > 0 && beats(scratch, best[coin])) {
                    CostBreakdown beaten = best[coin];   // swap holders rather than copy
                    best[coin] = scratch;
                    scratch = beaten;
                }
            }
        }
        for (int coin = 0; coin < best.length; coin++) {
            if (!signals.has(coin)) {
                continue;
            }
            CostBreakdown winner = best[coin];
            if (winner.tradeable()) {
                order[ranked++] = coin;
                primaryKey[coin] = key == RankingKey.EDGE_AFTER_COST ? winner.edgeAfterCostBps() : winner.edgePerCost();
                secondaryKey[coin] = key == RankingKey.EDGE_AFTER_COST ? winner.edgePerCost() : winner.edgeAfterCostBps();
            } else {
                skipped[winner.skipReason().ordinal()]++;
            }
        }
        sort(ranked);
        return ranked;
    }

    /** Writes the best {@code k} coin indices, best first, into {@code out}; returns how many were written. */
    public int topK(int k, int[] out) {
        int n = Math.min(Math.min(k, ranked), out.length);
        System.arraycopy(order, 0, out, 0, n);
        return n;
    }

    /** Tradeable coins in the last ranking. */
    public int rankedCount() {
        return ranked;
    }

    /** The coin at a rank (0 = best) of the last ranking. */
    public int coinAt(int rank) {
        if (rank >= ranked) {
            throw new IndexOutOfBoundsException("rank " + rank + " is invalid; allowed: below " + ranked);
        }
        return order[rank];
    }

    /**
     * The best venue's breakdown of a coin in the last ranking (stale for coins without a signal). The holder is
     * owned by the ranking and valid until the next {@link #rank}; copy what you keep.
     */
    public CostBreakdown best(int coin) {
        return best[coin];
    }

    /** Coins skipped for a reason in the last ranking. */
    public long skipped(CostSkipReason reason) {
        return skipped[reason.ordinal()];
    }

    /** Whether {@code candidate} is a better venue result than {@code current}. */
    private boolean beats(CostBreakdown candidate, CostBreakdown current) {
        if (candidate.tradeable() != current.tradeable()) {
            return candidate.tradeable();
        }
        if (candidate.costed() != current.costed()) {
            return candidate.costed();
        }
        if (!candidate.costed()) {
            return candidate.skipReason().ordinal() > current.skipReason().ordinal();
        }
        return compare(candidate, current) < 0;
    }

    /** Negative when {@code a} ranks before {@code b}. Total: the coin index breaks every tie. */
    private int compare(CostBreakdown a, CostBreakdown b) {
        double primaryA = key == RankingKey.EDGE_AFTER_COST ? a.edgeAfterCostBps() : a.edgePerCost();
        double primaryB = key == RankingKey.EDGE_AFTER_COST ? b.edgeAfterCostBps() : b.edgePerCost();
        int c = Double.compare(primaryB, primaryA);
        if (c != 0) {
            return c;
        }
        double secondaryA = key == RankingKey.EDGE_AFTER_COST ? a.edgePerCost() : a.edgeAfterCostBps();
        double secondaryB = key == RankingKey.EDGE_AFTER_COST ? b.edgePerCost() : b.edgeAfterCostBps();
        c = Double.compare(secondaryB, secondaryA);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.coin(), b.coin());
        return c != 0 ? c : Integer.compare(a.exchange(), b.exchange());
    }

    /** In-place heapsort of order[0..n) by {@link #compare}: O(n log n), no allocation, deterministic. */
    private void sort(int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
    }

    private void siftDown(int root, int n) {
        while (true) {
            int child = 2 * root + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && ranksAfter(order[child + 1], order[child])) {
                child++;
            }
            if (!ranksAfter(order[child], order[root])) {
                return;
            }
            swap(root, child);
            root = child;
        }
    }

    /** The sort's order, the same as {@link #compare} but on keys copied into primitive arrays. */
    private boolean ranksAfter(int coinA, int coinB) {
        int c = Double.compare(primaryKey[coinB], primaryKey[coinA]);
        if (c == 0) {
            c = Double.compare(secondaryKey[coinB], secondaryKey[coinA]);
        }
        return c > 0 || c == 0 && coinA > coinB;
    }

    private void swap(int i, int j) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}
