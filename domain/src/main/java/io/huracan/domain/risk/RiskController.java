package io.huracan.domain.risk;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.OrderIntent;
import io.huracan.ports.risk.RiskDecision;
import io.huracan.ports.risk.RiskEvent;
import io.huracan.ports.risk.RiskEventType;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.RiskScope;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.time.EngineClock;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The global risk controller: the one structure every event loop shares. A check approves, reduces or rejects an
 * order intent and, when it passes, reserves its exposure in the same atomic step (see {@link ExposureLedger} and
 * docs/risk.md), so loops can never together pass a limit. Fills, partial fills, cancels and rejects convert or
 * release the reservation; prices mark positions to market and drive the drawdown breakers.
 *
 * <p>Rules, in order: a malformed or unlisted intent is rejected; a reduce-only intent that shrinks a position
 * passes whatever else holds (capped at the unclaimed position); then kill switch, global breaker, coin breaker;
 * fail closed on a missing or stale price; open-trade count (hard limit, and the rank policy above the soft
 * count); then the exposure limits per coin, sector, exchange, global gross and global net, each with the soft
 * throttle.
 *
 * <p>Hot path: {@link #check(int, int, Side, double, double, boolean, double, RiskVerdict)} works on the int
 * indices from {@link RiskUniverse} and fills a caller-owned {@link RiskVerdict}; it allocates nothing unless the
 * intent is reduced or rejected (then one {@link RiskEvent} is built for the listener).
 *
 * <p>Scale-out (docs/scale-out.md): built with a {@link SharedExposure}, the limits hold over every process of a
 * cluster. A check then also requires this process's lease on the coin, and admits the order in one atomic step
 * against the shared totals (fenced by the lease's token); fills and cancels publish the coin's new contribution.
 * Breakers, the kill switch and the open-trade rank policy stay per process. Without it nothing of this runs.
 */
public final class RiskController {
    private static final int INITIAL_RESERVATIONS_PER_COIN = 16;
    private static final int MAX_ATTEMPTS = 64;
    private static final RiskReason[] SCOPE_REASON = {RiskReason.COIN_LIMIT, RiskReason.SECTOR_LIMIT,
            RiskReason.EXCHANGE_LIMIT, RiskReason.GLOBAL_GROSS_LIMIT, RiskReason.GLOBAL_NET_LIMIT};
    private static final RiskScope.Kind[] SCOPE_KIND = {RiskScope.Kind.COIN, RiskScope.Kind.SECTOR,
            RiskScope.Kind.EXCHANGE, RiskScope.Kind.GLOBAL, RiskScope.Kind.GLOBAL};
    private static final int SCOPES = SCOPE_REASON.length;
    private static final int NET_SCOPE = 4;
    private static final int SHARED_ATTEMPTS = 4;

    private final RiskUniverse universe;
    private final EngineClock clock;
    private final RiskListener listener;
    private final ExposureLedger ledger;
    private final TradeRanking ranking = new TradeRanking();
    private final CoinBook[] books;
    private final DrawdownBreaker globalBreaker = new DrawdownBreaker(true);
    private final double startingEquity;
    /** Null in one process. */
    private final SharedLimits shared;
    private volatile LimitTable table;
    /** Scale-out: the engine-clock monotonic time until which this process may act on its leases. */
    private volatile long leasesValidUntilNanos = Long.MAX_VALUE;
    private volatile boolean killSwitch;
    private volatile double equity;
    private volatile double equityPeak;
    private double pnlSum;

    public RiskController(RiskUniverse universe, RiskLimits limits, TradeLimits trades, double startingEquity,
                          EngineClock clock, RiskListener listener) {
        this(universe, limits, trades, startingEquity, clock, listener, null);
    }

    /** One process of a cluster: the limits hold over the totals in {@code sharedExposure} (null: this process alone). */
    public RiskController(RiskUniverse universe, RiskLimits limits, TradeLimits trades, double startingEquity,
                          EngineClock clock, RiskListener listener, SharedExposure sharedExposure) {
        if (!(startingEquity > 0) || Double.isInfinite(startingEquity)) {
            throw new IllegalArgumentException("starting equity " + startingEquity + " is invalid; allowed: > 0");
        }
        this.universe = universe;
        this.clock = clock;
        this.listener = listener;
        this.startingEquity = startingEquity;
        this.equity = startingEquity;
        this.equityPeak = startingEquity;
        this.table = new LimitTable(limits, trades);
        this.ledger = new ExposureLedger(universe.coinCount(), universe.sectorCount(), RiskUniverse.EXCHANGES);
        this.books = new CoinBook[universe.coinCount()];
        for (int c = 0; c < books.length; c++) {
            books[c] = new CoinBook(c, universe.sectorOf(c), INITIAL_RESERVATIONS_PER_COIN);
        }
        this.shared = sharedExposure == null ? null : new SharedLimits(sharedExposure, universe, ledger);
    }

    public RiskUniverse universe() {
        return universe;
    }

    // ----------------------------------------------------------------------------------------------- checks

    /** Convenience for code off the hot path: resolves names and returns an immutable decision. */
    public RiskDecision check(OrderIntent intent) {
        var verdict = new RiskVerdict();
        check(universe.coinIndex(intent.coin()), intent.exchange().ordinal(), intent.side(), intent.quantity(),
                intent.price(), intent.reduceOnly(), intent.edgeAfterCostBps(), verdict);
        return verdict.toDecision(universe);
    }

    /**
     * Checks an intent and, if it passes, reserves its exposure atomically; the result is written to {@code out}.
     * The notional is {@code quantity * price}, with {@code price} the intent's reference price.
     */
    public void check(int coin, int exchange, Side side, double quantity, double price, boolean reduceOnly,
                      double edgeBps, RiskVerdict out) {
        long now = clock.epochMicros();
        out.begin(coin, exchange, side, quantity, price, reduceOnly, edgeBps);
        if (!(quantity > 0) || !(price > 0) || Double.isInfinite(quantity) || Double.isInfinite(price)) {
            out.reject(RiskReason.INVALID_INTENT, RiskScope.Kind.COIN, coin, 0);
        } else if (!universe.isListed(coin, exchange)) {
            out.reject(RiskReason.NOT_LISTED, RiskScope.Kind.EXCHANGE, exchange, 0);
        } else {
            CoinBook book = books[coin];
            synchronized (book) {
                if (reduceOnly) {
                    checkReduceOnly(book, exchange, side.sign(), quantity, price, out);
                } else {
                    checkOpening(book, exchange, side.sign(), quantity, price, edgeBps, now, out);
                }
            }
        }
        if (out.outcome != RiskVerdict.Outcome.APPROVED) {
            listener.onEvent(out.toEvent(universe, now));
        }
    }

    private void checkReduceOnly(CoinBook book, int exchange, int sign, double quantity, double price,
                                 RiskVerdict out) {
        double position = book.quantity[exchange];
        double unclaimed = Math.abs(position) - book.pendingReduce[exchange];
        if (position * sign >= 0 || unclaimed <= 0) {
            out.reject(RiskReason.NOTHING_TO_REDUCE, RiskScope.Kind.COIN, book.coin, 0);
            return;
        }
        double approved = Math.min(quantity, unclaimed);
        // Closing part of a position removes its offset from the other net side (pending orders there may have
        // counted on it): reserve that offset now, unconditionally, because reduce-only always passes.
        long offset = ExposureLedger.units(approved * book.averageEntry(exchange));
        if (shared != null && !admitReduceOnly(book, sign, offset, out)) {
            return;
        }
        ledger.add(ledger.netSlot(sign), offset);
        long handle = book.reservations.open(exchange, sign, true, approved, price, 0, offset);
        book.pendingReduce[exchange] += approved;
        if (approved < quantity) {
            out.reduce(handle, approved, RiskReason.NOTHING_TO_REDUCE, RiskScope.Kind.COIN, book.coin, 1);
        } else {
            out.approve(handle, approved);
        }
    }

    /** Kill switch, breakers, missing or stale price: the rules before any limit; true if one rejected. */
    private boolean rejectedBeforeLimits(LimitTable limits, CoinBook book, long now, RiskVerdict out) {
        if (killSwitch) {
            out.reject(RiskReason.KILL_SWITCH, RiskScope.Kind.GLOBAL, 0, 0);
        } else if (globalBreaker.isTripped(now)) {
            out.reject(RiskReason.GLOBAL_BREAKER, RiskScope.Kind.GLOBAL, 0, 0);
        } else if (book.breaker.isTripped(now)) {
            out.reject(RiskReason.COIN_BREAKER, RiskScope.Kind.COIN, book.coin, 0);
        } else if (!book.hasMark) {
            out.reject(RiskReason.NO_PRICE, RiskScope.Kind.COIN, book.coin, 0);
        } else if (now - book.markMicros > limits.staleMicros) {
            out.reject(RiskReason.STALE_PRICE, RiskScope.Kind.COIN, book.coin, 0);
        } else {
            return false;
        }
        return true;
    }

    private void checkOpening(CoinBook book, int exchange, int sign, double quantity, double price, double edgeBps,
                              long now, RiskVerdict out) {
        LimitTable limits = table;
        if (shared != null && rejectedByOwnership(book, out)) {
            return;
        }
        if (rejectedBeforeLimits(limits, book, now, out)) {
            return;
        }
        boolean newTrade = !book.isActive(exchange);
        int edgeBucket = TradeRanking.bucket(edgeBps);
        double grossPerUnit = price * ExposureLedger.UNITS_PER_QUOTE;
        // An order against an open position may close it at a gain, which moves the net side by the entry price:
        // reserve the net side at the worse of the two prices (docs/risk.md, "net exposure").
        double position = book.quantity[exchange];
        double netPrice = position * sign < 0 ? Math.max(price, book.averageEntry(exchange)) : price;
        double netPerUnit = netPrice * ExposureLedger.UNITS_PER_QUOTE;
        double requestedGross = quantity * grossPerUnit;
        double requestedNet = quantity * netPerUnit;
        if (shared != null) {
            admitShared(limits, book, exchange, sign, quantity, price, newTrade, edgeBucket, netPrice, requestedGross,
                    requestedNet, out);
            return;
        }

        int contended = NET_SCOPE;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (newTrade && rejectByTradeCount(limits, edgeBucket, out)) {
                return;
            }
            int binding = bindingScope(limits, book, exchange, sign, requestedGross, requestedNet, false, out);
            double fraction = out.sizing;
            boolean reduced = binding >= 0;
            long gross = reduced ? (long) Math.floor(requestedGross * fraction) : Math.round(requestedGross);
            if (!reduced && gross <= 0) {
                out.reject(RiskReason.INVALID_INTENT, RiskScope.Kind.COIN, book.coin, 0);
                return;
            }
            if (gross <= 0 || (reduced && gross < limits.minOrderUnits)) {
                int slot = slot(binding, book, exchange, sign);
                out.reject(SCOPE_REASON[binding], SCOPE_KIND[binding], scopeIndex(binding, book, exchange),
                        (double) ledger.get(slot) / limit(limits, binding));
                return;
            }
            long net = netPrice == price ? gross
                    : reduced ? (long) Math.ceil(gross * netPerUnit / grossPerUnit) : Math.round(requestedNet);
            contended = reserveScopes(limits, book, exchange, sign, gross, net, requestedGross, requestedNet);
            if (contended >= 0) {
                continue;
            }
            if (newTrade && !ledger.tryAdd(ledger.tradesSlot(), 1, limits.trades.maxConcurrentTrades())) {
                releaseScopes(book, exchange, sign, gross, net);
                continue;
            }
            if (table != limits) {
                // limits were replaced while we reserved: undo and decide again under the new ones
                releaseScopes(book, exchange, sign, gross, net);
                if (newTrade) {
                    ledger.add(ledger.tradesSlot(), -1);
                }
                limits = table;
                continue;
            }
            double approved = reduced ? gross / grossPerUnit : quantity;
            openReservation(book, exchange, sign, approved, price, gross, net, newTrade, edgeBucket, binding,
                    reduced ? (double) ledger.get(slot(binding, book, exchange, sign)) / limit(limits, binding) : 0,
                    out);
            return;
        }
        // only under extreme contention: fail closed on the scope that kept changing rather than spin
        out.reject(SCOPE_REASON[contended], SCOPE_KIND[contended], scopeIndex(contended, book, exchange),
                (double) ledger.get(slot(contended, book, exchange, sign)) / limit(limits, contended));
    }

    /**
     * The scope allowing the smallest fraction of the order (-1 when every scope allows all of it), that fraction
     * left in {@code out.sizing}; measured against this process's ledger, or the cluster's totals as last seen.
     */
    private int bindingScope(LimitTable limits, CoinBook book, int exchange, int sign, double requestedGross,
                             double requestedNet, boolean sharedTotals, RiskVerdict out) {
        double fraction = 1;
        int binding = -1;
        for (int k = 0; k < SCOPES; k++) {
            double requested = requested(k, requestedGross, requestedNet);
            int slot = slot(k, book, exchange, sign);
            double scopeAllowed = SoftThrottle.allowed(requested, sharedTotals ? shared.used(slot) : ledger.get(slot),
                    limit(limits, k), limits.softRatio);
            if (scopeAllowed < requested && scopeAllowed / requested < fraction) {
                fraction = scopeAllowed / requested;
                binding = k;
            }
        }
        out.sizing = fraction;
        return binding;
    }

    /** Books an approved (or reduced, when {@code binding >= 0}) opening order's reservation and fills the verdict. */
    private void openReservation(CoinBook book, int exchange, int sign, double approved, double price, long gross,
                                 long net, boolean newTrade, int edgeBucket, int binding, double utilisation,
                                 RiskVerdict out) {
        long handle = book.reservations.open(exchange, sign, false, approved, price, gross, net);
        book.working[exchange]++;
        if (newTrade) {
            book.tradeOpen[exchange] = true;
            book.tradeEdgeBucket[exchange] = edgeBucket;
            ranking.add(edgeBucket);
        }
        if (binding >= 0) {
            out.reduce(handle, approved, SCOPE_REASON[binding], SCOPE_KIND[binding], scopeIndex(binding, book, exchange),
                    utilisation);
        } else {
            out.approve(handle, approved);
        }
    }

    // ------------------------------------------------------------------------------------- scale-out checks

    /** A cluster member sends nothing for a coin whose lease it does not hold, and opens nothing on one it hands over. */
    private boolean rejectedByOwnership(CoinBook book, RiskVerdict out) {
        if (book.fencingToken == 0 || clock.monotonicNanos() >= leasesValidUntilNanos) {
            out.reject(RiskReason.FENCED, RiskScope.Kind.COIN, book.coin, 0);
        } else if (book.handingOver) {
            out.reject(RiskReason.HANDOVER, RiskScope.Kind.COIN, book.coin, 0);
        } else {
            return false;
        }
        return true;
    }

    /**
     * The opening check of a cluster member, once the rules before any limit passed: the order is sized from the shared totals as last seen, then admitted
     * in one atomic step on the shared store, which checks this process's lease on the coin and every scope's
     * fresh total against the same hard limit and soft allowance the local ledger enforces. A refusal refreshes
     * the totals and the order is sized again; an unreachable store fails closed.
     */
    private void admitShared(LimitTable limits, CoinBook book, int exchange, int sign, double quantity, double price,
                             boolean newTrade, int edgeBucket, double netPrice, double requestedGross,
                             double requestedNet, RiskVerdict out) {
        double grossPerUnit = price * ExposureLedger.UNITS_PER_QUOTE;
        double netPerUnit = netPrice * ExposureLedger.UNITS_PER_QUOTE;
        long[] contribution = new long[SharedExposure.SLOTS];
        long[] caps = new long[SharedExposure.SLOTS];
        int contended = NET_SCOPE;
        for (int attempt = 0; attempt < SHARED_ATTEMPTS; attempt++) {
            if (newTrade && rejectByTradeCount(limits, edgeBucket, out)) {
                return;
            }
            int binding = bindingScope(limits, book, exchange, sign, requestedGross, requestedNet, true, out);
            double fraction = out.sizing;
            boolean reduced = binding >= 0;
            long gross = reduced ? (long) Math.floor(requestedGross * fraction) : Math.round(requestedGross);
            if (gross <= 0 || (reduced && gross < limits.minOrderUnits)) {
                if (!reduced) {
                    out.reject(RiskReason.INVALID_INTENT, RiskScope.Kind.COIN, book.coin, 0);
                } else {
                    out.reject(SCOPE_REASON[binding], SCOPE_KIND[binding], scopeIndex(binding, book, exchange),
                            sharedUtilisation(limits, binding, book, exchange, sign));
                }
                return;
            }
            long net = netPrice == price ? gross
                    : reduced ? (long) Math.ceil(gross * netPerUnit / grossPerUnit) : Math.round(requestedNet);
            book.contribution(contribution);
            Arrays.fill(caps, SharedExposure.UNCAPPED);
            for (int k = 0; k < SCOPES; k++) {
                long units = k == NET_SCOPE ? net : gross;
                int sharedSlot = sharedSlot(k, exchange, sign);
                contribution[sharedSlot] += units;
                caps[sharedSlot] = maxUsedBefore(requested(k, requestedGross, requestedNet), units, limit(limits, k),
                        limits.softRatio) + units;
            }
            if (newTrade) {
                contribution[SharedExposure.OPEN_TRADES]++;
                caps[SharedExposure.OPEN_TRADES] = limits.trades.maxConcurrentTrades();
            }
            int status;
            try {
                status = shared.reserve(book, contribution, caps);
            } catch (UncheckedIOException e) {
                out.reject(RiskReason.SHARED_EXPOSURE_UNAVAILABLE, RiskScope.Kind.GLOBAL, 0, 0);
                return;
            }
            if (status == SharedExposure.FENCED) {
                out.reject(RiskReason.FENCED, RiskScope.Kind.COIN, book.coin, 0);
                return;
            }
            if (status == SharedExposure.OPEN_TRADES) {
                out.reject(RiskReason.OPEN_TRADES_LIMIT, RiskScope.Kind.GLOBAL, 0, 1);
                return;
            }
            if (status != SharedExposure.RESERVED) {
                contended = status == SharedExposure.STALE ? contended : scopeOfSharedSlot(status);
                continue;
            }
            ledger.addGross(book.coin, book.sector, exchange, gross);
            ledger.add(ledger.netSlot(sign), net);
            if (newTrade) {
                ledger.add(ledger.tradesSlot(), 1);
            }
            double approved = reduced ? gross / grossPerUnit : quantity;
            openReservation(book, exchange, sign, approved, price, gross, net, newTrade, edgeBucket, binding,
                    reduced ? sharedUtilisation(limits, binding, book, exchange, sign) : 0, out);
            return;
        }
        out.reject(SCOPE_REASON[contended], SCOPE_KIND[contended], scopeIndex(contended, book, exchange),
                sharedUtilisation(limits, contended, book, exchange, sign));
    }

    /**
     * A cluster member's reduce-only order needs no room, but it must still hold the coin's lease: the admission
     * step writes the coin's contribution with the order's net offset, fenced, and nothing is booked if refused.
     */
    private boolean admitReduceOnly(CoinBook book, int sign, long offset, RiskVerdict out) {
        if (book.fencingToken == 0 || clock.monotonicNanos() >= leasesValidUntilNanos) {
            out.reject(RiskReason.FENCED, RiskScope.Kind.COIN, book.coin, 0);
            return false;
        }
        long[] contribution = new long[SharedExposure.SLOTS];
        book.contribution(contribution);
        contribution[sign > 0 ? SharedExposure.NET_LONG : SharedExposure.NET_SHORT] += offset;
        int status;
        try {
            status = shared.reserve(book, contribution, SharedLimits.uncapped());
        } catch (UncheckedIOException e) {
            out.reject(RiskReason.SHARED_EXPOSURE_UNAVAILABLE, RiskScope.Kind.GLOBAL, 0, 0);
            return false;
        }
        if (status != SharedExposure.RESERVED) {
            out.reject(RiskReason.FENCED, RiskScope.Kind.COIN, book.coin, 0);
            return false;
        }
        return true;
    }

    /**
     * The largest total a scope may have before an order adds {@code units} to it, for the order to pass there: the
     * hard limit exactly, and the soft allowance {@link SoftThrottle} gives {@code requested} (within one unit, as the
     * local ledger's compare-and-set allows).
     */
    static long maxUsedBefore(double requested, long units, long limit, double softRatio) {
        long hard = limit - units;
        if (units <= 1) {
            return hard;
        }
        double band = (1 - softRatio) * limit + requested;
        return Math.min(hard, (long) Math.floor(limit - (units - 1) * band / requested));
    }

    private static int sharedSlot(int scope, int exchange, int sign) {
        return switch (scope) {
            case 0 -> SharedExposure.COIN;
            case 1 -> SharedExposure.SECTOR;
            case 2 -> SharedExposure.EXCHANGE + exchange;
            case 3 -> SharedExposure.GLOBAL_GROSS;
            default -> sign > 0 ? SharedExposure.NET_LONG : SharedExposure.NET_SHORT;
        };
    }

    private static int scopeOfSharedSlot(int sharedSlot) {
        return switch (sharedSlot) {
            case SharedExposure.COIN -> 0;
            case SharedExposure.SECTOR -> 1;
            case SharedExposure.GLOBAL_GROSS -> 3;
            case SharedExposure.NET_LONG, SharedExposure.NET_SHORT -> NET_SCOPE;
            default -> 2;
        };
    }

    private double sharedUtilisation(LimitTable limits, int scope, CoinBook book, int exchange, int sign) {
        return (double) shared.used(slot(scope, book, exchange, sign)) / limit(limits, scope);
    }

    // ------------------------------------------------------------------------------------- scale-out ownership

    /**
     * This process now holds the coin's lease under {@code fencingToken}: orders for it may go out again, each
     * admitted under that token. With shared exposure, the coin's contribution is written at once, which replaces
     * (reclaims) whatever the previous holder left.
     */
    public void assignLease(int coin, long fencingToken) {
        if (fencingToken < 1) {
            throw new IllegalArgumentException("fencing token " + fencingToken + " is invalid; allowed: >= 1");
        }
        CoinBook book = books[coin];
        synchronized (book) {
            book.fencingToken = fencingToken;
            book.handingOver = false;
            if (shared != null) {
                shared.publish(book);
            }
        }
    }

    /**
     * Until when (engine-clock monotonic nanos) this process may act on its leases without hearing from the lease
     * store again; past it every intent is fenced locally, before the admission step would refuse it.
     */
    public void leasesValidUntil(long monotonicNanos) {
        leasesValidUntilNanos = monotonicNanos;
    }

    /** The coin is being handed to another process: from now on only reduce-only intents pass for it. */
    public void beginHandover(int coin) {
        CoinBook book = books[coin];
        synchronized (book) {
            book.handingOver = true;
        }
    }

    /** The coin's lease is no longer this process's: every intent for it is rejected as fenced. */
    public void revokeLease(int coin) {
        CoinBook book = books[coin];
        synchronized (book) {
            book.fencingToken = 0;
            book.handingOver = false;
        }
    }

    /** The token of this process's lease on the coin, or 0. */
    public long fencingToken(int coin) {
        CoinBook book = books[coin];
        synchronized (book) {
            return book.fencingToken;
        }
    }

    /** No position on any exchange and no working order: the coin can be handed over. */
    public boolean isSettled(int coin) {
        CoinBook book = books[coin];
        synchronized (book) {
            return book.isSettled();
        }
    }

    /** True when the limits are shared with other processes. */
    public boolean sharesExposure() {
        return shared != null;
    }

    /** Re-reads the shared totals that size orders (a cluster member calls it every rebalancing round). */
    public void refreshSharedTotals() {
        if (shared != null) {
            shared.refresh();
        }
    }

    /** A scope's total over the whole cluster as last seen, in quote notional; this process's own without sharing. */
    public double sharedExposure(ExposureScope scope, int index) {
        return shared == null ? exposure(scope, index) : shared.total(ledgerSlot(scope, index));
    }

    private boolean rejectByTradeCount(LimitTable limits, int edgeBucket, RiskVerdict out) {
        long open = ledger.get(ledger.tradesSlot());
        int hard = limits.trades.maxConcurrentTrades();
        if (open >= hard) {
            out.reject(RiskReason.OPEN_TRADES_LIMIT, RiskScope.Kind.GLOBAL, 0, (double) open / hard);
            return true;
        }
        double share = TradeRanking.share(open, limits.trades.softThrottleTrades(), hard);
        if (share < 1) {
            int better = ranking.betterThan(edgeBucket);
            if (better > share * open) {
                out.reject(RiskReason.OPEN_TRADES_RANK, RiskScope.Kind.GLOBAL, 0, (double) better / open);
                return true;
            }
        }
        return false;
    }

    /** Reserves every scope in the fixed order; on failure undoes the ones taken and returns the failed scope. */
    private int reserveScopes(LimitTable limits, CoinBook book, int exchange, int sign, long gross, long net,
                              double requestedGross, double requestedNet) {
        for (int k = 0; k < SCOPES; k++) {
            long units = k == NET_SCOPE ? net : gross;
            if (!ledger.tryReserve(slot(k, book, exchange, sign), units, requested(k, requestedGross, requestedNet),
                    limit(limits, k), limits.softRatio)) {
                for (int j = k - 1; j >= 0; j--) {
                    ledger.add(slot(j, book, exchange, sign), -(j == NET_SCOPE ? net : gross));
                }
                return k;
            }
        }
        return -1;
    }

    private void releaseScopes(CoinBook book, int exchange, int sign, long gross, long net) {
        ledger.addGross(book.coin, book.sector, exchange, -gross);
        ledger.add(ledger.netSlot(sign), -net);
    }

    private int slot(int scope, CoinBook book, int exchange, int sign) {
        return switch (scope) {
            case 0 -> ledger.coinSlot(book.coin);
            case 1 -> ledger.sectorSlot(book.sector);
            case 2 -> ledger.exchangeSlot(exchange);
            case 3 -> ledger.globalGrossSlot();
            default -> ledger.netSlot(sign);
        };
    }

    private static int scopeIndex(int scope, CoinBook book, int exchange) {
        return switch (scope) {
            case 0 -> book.coin;
            case 1 -> book.sector;
            case 2 -> exchange;
            default -> 0;
        };
    }

    private static long limit(LimitTable limits, int scope) {
        return switch (scope) {
            case 0 -> limits.coinUnits;
            case 1 -> limits.sectorUnits;
            case 2 -> limits.exchangeUnits;
            case 3 -> limits.globalGrossUnits;
            default -> limits.globalNetUnits;
        };
    }

    private static double requested(int scope, double gross, double net) {
        return scope == NET_SCOPE ? net : gross;
    }

    // ------------------------------------------------------------------------------------ order lifecycle

    /**
     * A (partial) fill of the order reserved under {@code reservation}: converts that share of the reservation into
     * the position, realising P&amp;L on the part that closes. The fee is in quote currency (negative for a rebate).
     * Returns false, changing nothing, for an unknown or finished reservation.
     */
    public boolean onFill(long reservation, double quantity, double price, double fee) {
        if (!(quantity > 0) || !(price > 0)) {
            throw new IllegalArgumentException("fill " + quantity + " @ " + price + " is invalid; allowed: "
                    + "quantity > 0, price > 0");
        }
        int coin = ReservationPool.coinOf(reservation);
        if (coin >= books.length) {
            return false;
        }
        CoinBook book = books[coin];
        double pnlChange;
        RiskReason breaker;
        long now = clock.epochMicros();
        synchronized (book) {
            ReservationPool pool = book.reservations;
            int slot = pool.slotOf(reservation);
            if (slot < 0) {
                return false;
            }
            int exchange = pool.exchange[slot];
            int sign = pool.sign[slot];
            double remaining = pool.remainingQuantity[slot];
            boolean last = quantity >= remaining * (1 - 1e-12);
            long releasedGross = last ? pool.grossUnits[slot]
                    : Math.min(pool.grossUnits[slot], Math.round(pool.grossUnits[slot] * (quantity / remaining)));
            long releasedNet = last ? pool.netUnits[slot]
                    : Math.min(pool.netUnits[slot], Math.round(pool.netUnits[slot] * (quantity / remaining)));
            long opening = pool.reduceOnly[slot]
                    ? ExposureLedger.units(quantity * price)
                    : releasedGross + ExposureLedger.units(quantity * (price - pool.price[slot]));
            long grossChange = book.applyFill(exchange, sign, quantity, price, opening);
            book.fees[exchange] += fee;
            ledger.addGross(coin, book.sector, exchange, grossChange - releasedGross);
            ledger.add(ledger.netSlot(sign), -releasedNet);
            ledger.addNet(book.lastNetUnits);
            if (pool.reduceOnly[slot]) {
                book.pendingReduce[exchange] -= Math.min(quantity, remaining);
            }
            if (last) {
                finish(book, slot);
            } else {
                pool.remainingQuantity[slot] = remaining - quantity;
                pool.grossUnits[slot] -= releasedGross;
                pool.netUnits[slot] -= releasedNet;
            }
            syncTrade(book, exchange);
            if (shared != null) {
                shared.publish(book);
            }
            if (!book.hasMark) {
                book.markPrice = price;
                book.markMicros = now;
                book.hasMark = true;
            }
            pnlChange = revalue(book);
            breaker = updateCoinBreaker(book, now);
        }
        afterRevalue(book, pnlChange, breaker, now);
        return true;
    }

    /** The order reserved under {@code reservation} was cancelled: its unfilled rest is released. */
    public boolean onCancel(long reservation) {
        return release(reservation);
    }

    /** The exchange rejected the order reserved under {@code reservation}: everything it reserved is released. */
    public boolean onReject(long reservation) {
        return release(reservation);
    }

    private boolean release(long reservation) {
        int coin = ReservationPool.coinOf(reservation);
        if (coin >= books.length) {
            return false;
        }
        CoinBook book = books[coin];
        synchronized (book) {
            ReservationPool pool = book.reservations;
            int slot = pool.slotOf(reservation);
            if (slot < 0) {
                return false;
            }
            int exchange = pool.exchange[slot];
            releaseScopes(book, exchange, pool.sign[slot], pool.grossUnits[slot], pool.netUnits[slot]);
            if (pool.reduceOnly[slot]) {
                book.pendingReduce[exchange] -= pool.remainingQuantity[slot];
            }
            finish(book, slot);
            syncTrade(book, exchange);
            if (shared != null) {
                shared.publish(book);
            }
        }
        return true;
    }

    private void finish(CoinBook book, int slot) {
        ReservationPool pool = book.reservations;
        if (!pool.reduceOnly[slot]) {
            book.working[pool.exchange[slot]]--;
        }
        pool.close(slot);
    }

    /** Keeps the open-trade count equal to the number of (coin, exchange) books with a position or working order. */
    private void syncTrade(CoinBook book, int exchange) {
        boolean active = book.isActive(exchange);
        if (active && !book.tradeOpen[exchange]) {
            // a position that did not come from an opening check (a reduce-only fill that flipped): count it
            book.tradeOpen[exchange] = true;
            book.tradeEdgeBucket[exchange] = 0;
            ranking.add(0);
            ledger.add(ledger.tradesSlot(), 1);
        } else if (!active && book.tradeOpen[exchange]) {
            book.tradeOpen[exchange] = false;
            ranking.remove(book.tradeEdgeBucket[exchange]);
            ledger.add(ledger.tradesSlot(), -1);
        }
    }

    // --------------------------------------------------------------------------------- prices, P&L, breakers

    /** A market price for a coin: marks its positions, and updates equity and the drawdown breakers. */
    public void onPrice(int coin, double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price " + price + " for " + universe.coin(coin)
                    + " is invalid; allowed: a finite number > 0");
        }
        long now = clock.epochMicros();
        CoinBook book = books[coin];
        double pnlChange;
        RiskReason breaker;
        synchronized (book) {
            book.markPrice = price;
            book.markMicros = now;
            book.hasMark = true;
            pnlChange = revalue(book);
            breaker = updateCoinBreaker(book, now);
        }
        afterRevalue(book, pnlChange, breaker, now);
    }

    private double revalue(CoinBook book) {
        double pnl = book.computePnl();
        double change = pnl - book.pnl;
        book.pnl = pnl;
        return change;
    }

    private RiskReason updateCoinBreaker(CoinBook book, long now) {
        LimitTable limits = table;
        return book.breaker.update(now, book.pnl, equityPeak, limits.limits.drawdown().perCoin(),
                limits.coolDownMicros);
    }

    private void afterRevalue(CoinBook book, double pnlChange, RiskReason coinBreaker, long now) {
        RiskReason global;
        double globalUtilisation;
        synchronized (globalBreaker) {
            pnlSum += pnlChange;
            double current = startingEquity + pnlSum;
            equity = current;
            if (current > equityPeak) {
                equityPeak = current;
            }
            LimitTable limits = table;
            global = globalBreaker.update(now, current, 0, limits.limits.drawdown().global(), limits.coolDownMicros);
            globalUtilisation = globalBreaker.lastUtilisation();
        }
        if (coinBreaker != null) {
            listener.onEvent(breakerEvent(now, coinBreaker, coinScope(book.coin), book.breaker.lastUtilisation()));
        }
        if (global != null) {
            listener.onEvent(breakerEvent(now, global, RiskScope.GLOBAL, globalUtilisation));
        }
    }

    private static RiskEvent breakerEvent(long now, RiskReason reason, RiskScope scope, double utilisation) {
        RiskEventType type = reason == RiskReason.COOL_DOWN_ENDED ? RiskEventType.BREAKER_RESET
                : RiskEventType.BREAKER_TRIPPED;
        return new RiskEvent(now, type, reason, scope, utilisation, Optional.empty(), 0);
    }

    /** Manual reset of a coin's breaker: the coin may open exposure again, its peaks rebased to now. */
    public void resetCoinBreaker(int coin) {
        long now = clock.epochMicros();
        CoinBook book = books[coin];
        synchronized (book) {
            book.breaker.reset(now, book.pnl);
        }
        listener.onEvent(new RiskEvent(now, RiskEventType.BREAKER_RESET, RiskReason.MANUAL_RESET, coinScope(coin), 0,
                Optional.empty(), 0));
    }

    /** Manual reset of the global breaker. */
    public void resetGlobalBreaker() {
        long now = clock.epochMicros();
        synchronized (globalBreaker) {
            globalBreaker.reset(now, equity);
        }
        listener.onEvent(new RiskEvent(now, RiskEventType.BREAKER_RESET, RiskReason.MANUAL_RESET, RiskScope.GLOBAL,
                0, Optional.empty(), 0));
    }

    // -------------------------------------------------------------------------------------- kill switch, limits

    /**
     * Stops every new order until {@link #resetKillSwitch()}, and returns (and hands the listener) the cancels for
     * every working order and a reduce-only intent closing every position at its last price.
     */
    public FlattenPlan engageKillSwitch() {
        killSwitch = true;
        long now = clock.epochMicros();
        List<FlattenPlan.Cancel> cancels = new ArrayList<>();
        List<OrderIntent> flatten = new ArrayList<>();
        for (CoinBook book : books) {
            synchronized (book) {
                ReservationPool pool = book.reservations;
                for (int slot = 0; slot < pool.capacity(); slot++) {
                    if (pool.live[slot] && !pool.reduceOnly[slot]) {
                        long handle = pool.handle(slot);
                        cancels.add(new FlattenPlan.Cancel(handle, universe.coin(book.coin),
                                RiskUniverse.exchange(pool.exchange[slot])));
                    }
                }
                for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
                    double q = book.quantity[e];
                    if (q != 0) {
                        double price = book.hasMark ? book.markPrice : book.averageEntry(e);
                        flatten.add(new OrderIntent(universe.coin(book.coin), RiskUniverse.exchange(e),
                                q > 0 ? Side.SELL : Side.BUY, Math.abs(q), price, true, 0));
                    }
                }
            }
        }
        FlattenPlan plan = new FlattenPlan(cancels, flatten);
        listener.onEvent(new RiskEvent(now, RiskEventType.KILL_SWITCH_ENGAGED, RiskReason.KILL_SWITCH,
                RiskScope.GLOBAL, 0, Optional.empty(), 0));
        listener.onKillSwitch(plan);
        return plan;
    }

    public void resetKillSwitch() {
        killSwitch = false;
        listener.onEvent(new RiskEvent(clock.epochMicros(), RiskEventType.KILL_SWITCH_RESET, RiskReason.MANUAL_RESET,
                RiskScope.GLOBAL, 0, Optional.empty(), 0));
    }

    public boolean killSwitchEngaged() {
        return killSwitch;
    }

    /**
     * Replaces the limits at run time in one step: checks after this see only the new limits; existing reservations
     * and positions are kept (a tightened limit may leave a scope above it, which then only shrinks).
     */
    public void replaceLimits(RiskLimits limits, TradeLimits trades) {
        table = new LimitTable(limits, trades);
    }

    public RiskLimits limits() {
        return table.limits;
    }

    public TradeLimits tradeLimits() {
        return table.trades;
    }

    private RiskScope coinScope(int coin) {
        return new RiskScope(RiskScope.Kind.COIN, universe.coin(coin).symbol());
    }

    // ------------------------------------------------------------------------------------------------ views

    /** Signed position of a coin on an exchange, in base quantity. */
    public double position(Coin coin, ExchangeId exchange) {
        CoinBook book = books[universe.coinIndex(coin)];
        synchronized (book) {
            return book.quantity[exchange.ordinal()];
        }
    }

    public double averageEntry(Coin coin, ExchangeId exchange) {
        CoinBook book = books[universe.coinIndex(coin)];
        synchronized (book) {
            return book.averageEntry(exchange.ordinal());
        }
    }

    /** Realised P&amp;L of a coin over all exchanges, net of fees. */
    public double realisedPnl(Coin coin) {
        CoinBook book = books[universe.coinIndex(coin)];
        synchronized (book) {
            double sum = 0;
            for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
                sum += book.realised[e] - book.fees[e];
            }
            return sum;
        }
    }

    public double unrealisedPnl(Coin coin) {
        CoinBook book = books[universe.coinIndex(coin)];
        synchronized (book) {
            double sum = 0;
            for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
                sum += book.unrealised(e);
            }
            return sum;
        }
    }

    public double equity() {
        return equity;
    }

    /** The equity the session started with, which the drawdown limits and the P&L are measured from. */
    public double startingEquity() {
        return startingEquity;
    }

    public double equityPeak() {
        return equityPeak;
    }

    public boolean coinBreakerTripped(Coin coin) {
        return books[universe.coinIndex(coin)].breaker.isTripped(clock.epochMicros());
    }

    public boolean globalBreakerTripped() {
        return globalBreaker.isTripped(clock.epochMicros());
    }

    /** Reserved plus booked exposure of a scope, in quote notional (for the net kinds, the side's counter). */
    public double exposure(ExposureScope scope, int index) {
        return ExposureLedger.quote(ledger.get(ledgerSlot(scope, index)));
    }

    public long openTrades() {
        return ledger.get(ledger.tradesSlot());
    }

    private int ledgerSlot(ExposureScope scope, int index) {
        return switch (scope) {
            case COIN -> ledger.coinSlot(index);
            case SECTOR -> ledger.sectorSlot(index);
            case EXCHANGE -> ledger.exchangeSlot(index);
            case GLOBAL_GROSS -> ledger.globalGrossSlot();
            case NET_LONG -> ledger.netSlot(1);
            case NET_SHORT -> ledger.netSlot(-1);
        };
    }

    /**
     * Recomputes every counter from the books and live reservations and lists the ones that differ from the
     * ledger (empty when consistent). Takes every coin's lock in turn: call it when the book is quiet.
     */
    public List<String> audit() {
        int coins = books.length;
        long[] coinUnits = new long[coins];
        long[] sectorUnits = new long[universe.sectorCount()];
        long[] exchangeUnits = new long[RiskUniverse.EXCHANGES];
        long gross = 0;
        long netLong = 0;
        long netShort = 0;
        long trades = 0;
        long[] contribution = new long[SharedExposure.SLOTS];
        for (CoinBook book : books) {
            synchronized (book) {
                book.contribution(contribution);
            }
            coinUnits[book.coin] = contribution[SharedExposure.COIN];
            for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
                exchangeUnits[e] += contribution[SharedExposure.EXCHANGE + e];
            }
            netLong += contribution[SharedExposure.NET_LONG];
            netShort += contribution[SharedExposure.NET_SHORT];
            trades += contribution[SharedExposure.OPEN_TRADES];
            sectorUnits[book.sector] += coinUnits[book.coin];
            gross += coinUnits[book.coin];
        }
        List<String> differences = new ArrayList<>();
        for (int c = 0; c < coins; c++) {
            compare(differences, "coin " + universe.coin(c), coinUnits[c], ledger.get(ledger.coinSlot(c)));
        }
        for (int s = 0; s < sectorUnits.length; s++) {
            compare(differences, "sector " + universe.sector(s), sectorUnits[s], ledger.get(ledger.sectorSlot(s)));
        }
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            compare(differences, "exchange " + RiskUniverse.exchange(e).key(), exchangeUnits[e],
                    ledger.get(ledger.exchangeSlot(e)));
        }
        compare(differences, "global gross", gross, ledger.get(ledger.globalGrossSlot()));
        compare(differences, "net long side", netLong, ledger.get(ledger.netSlot(1)));
        compare(differences, "net short side", netShort, ledger.get(ledger.netSlot(-1)));
        compare(differences, "open trades", trades, ledger.get(ledger.tradesSlot()));
        return differences;
    }

    private static void compare(List<String> differences, String scope, long books, long ledger) {
        if (books != ledger) {
            differences.add(scope + ": books " + books + " units, ledger " + ledger + " units");
        }
    }
}
