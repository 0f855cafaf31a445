package io.huracan.domain.cost;

import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Side;

import java.util.List;

/**
 * Edge after cost: whether a signal is worth trading once the round trip and funding are paid. Fed with
 * market data (book tops, depth snapshots, funding rates), it evaluates a signal into a caller-owned
 * {@link CostBreakdown} without allocating. Formulas: docs/cost-model.md.
 *
 * <p>One instance belongs to one thread (the event loop owning its coins): market-data updates, evaluations
 * and the skip counters are not synchronised. Only {@link #refreshFees} may be called from another thread.
 */
public final class CostModel {
    /** Depth levels kept per side of each book. */
    public static final int DEPTH_LEVELS = 50;
    /** Edge per unit of cost divides by at least this many bps, so a free or rebated trade stays finite. */
    public static final double EDGE_PER_COST_FLOOR_BPS = 0.01;

    private static final CostSkipReason[] REASONS = CostSkipReason.values();

    private final CoinIndex coins;
    private final SpreadTracker spreads;
    private final SlippageEstimator slippage;
    private final FeeTracker fees;
    private final FundingTracker funding;
    private final double minEdgeAfterCostBps;
    private final long staleAfterMicros;
    private final long defaultHorizonMicros;
    private final long[] skips = new long[REASONS.length];
    private long evaluations;

    public CostModel(CoinIndex coins, CostModelParams params) {
        this.coins = coins;
        this.spreads = new SpreadTracker(coins, params.spreadEwmaHalfLife());
        this.slippage = new SlippageEstimator(coins, DEPTH_LEVELS, params.staleBookAfter());
        this.fees = new FeeTracker(params);
        this.funding = new FundingTracker(coins);
        this.minEdgeAfterCostBps = params.minEdgeAfterCostBps();
        this.staleAfterMicros = params.staleBookAfter().toNanos() / 1_000;
        this.defaultHorizonMicros = params.fundingHorizon().toNanos() / 1_000;
    }

    public CoinIndex coins() {
        return coins;
    }

    public SpreadTracker spreads() {
        return spreads;
    }

    public FundingTracker funding() {
        return funding;
    }

    /** The configured holding horizon, for signals that state none. */
    public long defaultHorizonMicros() {
        return defaultHorizonMicros;
    }

    /** Records a top of book; returns false when the coin is not in the universe or the update was refused. */
    public boolean onBookTop(BookTop top) {
        int coin = coins.indexOf(top.coin());
        if (coin < 0) {
            return false;
        }
        int exchange = top.exchange().ordinal();
        slippage.updateTop(exchange, coin, top.timestampMicros(), top.bidPrice(), top.bidQuantity(), top.askPrice(),
                top.askQuantity());
        return spreads.update(exchange, coin, top.timestampMicros(), top.bidPrice(), top.askPrice());
    }

    /** Records a depth snapshot; its best levels also update the spread. */
    public boolean onOrderBook(OrderBook book) {
        int coin = coins.indexOf(book.coin());
        if (coin < 0 || book.bids().isEmpty() || book.asks().isEmpty()) {
            return false;
        }
        int exchange = book.exchange().ordinal();
        List<BookLevel> bids = book.bids();
        List<BookLevel> asks = book.asks();
        return slippage.updateDepth(exchange, coin, book.timestampMicros(), bids, asks)
                && spreads.update(exchange, coin, book.timestampMicros(), bids.get(0).price(), asks.get(0).price());
    }

    public boolean onFundingRate(FundingRate rate) {
        int coin = coins.indexOf(rate.coin());
        if (coin < 0) {
            return false;
        }
        funding.update(rate.exchange().ordinal(), coin, rate.timestampMicros(), rate.rate(), rate.nextFundingMicros(),
                rate.intervalMicros());
        return true;
    }

    /** Replaces an exchange's fees (tier change, new discount); an exchange adapter calls this at run time. */
    public void refreshFees(ExchangeId exchange, FeeSchedule schedule) {
        fees.refresh(exchange, schedule);
    }

    /**
     * Evaluates a signal: {@code edgeBps} expected from entering {@code quantity} (base units) on {@code side},
     * holding for {@code horizonMicros} and exiting with the same liquidity role. A maker round trip pays the
     * maker fee on both legs and no spread or slippage; a taker one crosses the spread and walks the book on both.
     * The result, with its breakdown and skip reason, goes into {@code out}. Allocation-free.
     */
    public CostBreakdown evaluate(int exchange, int coin, InstrumentKind kind, Side side, double quantity,
                                  double edgeBps, long horizonMicros, boolean maker, long nowMicros, CostBreakdown out) {
        if (!(quantity > 0) || Double.isInfinite(quantity) || !Double.isFinite(edgeBps) || horizonMicros < 0) {
            throw new IllegalArgumentException("cost evaluation of quantity " + quantity + ", edge " + edgeBps
                    + " bps, horizon " + horizonMicros + " us is invalid; allowed: finite quantity > 0, finite edge,"
                    + " horizon >= 0");
        }
        evaluations++;
        out.start(exchange, coin, edgeBps);
        int slot = coins.slot(exchange, coin);
        if (!coins.isListed(exchange, coin)) {
            return skip(out, CostSkipReason.NOT_LISTED);
        }
        if (!spreads.hasQuote(slot)) {
            return skip(out, CostSkipReason.NO_QUOTE);
        }
        out.midPrice(spreads.mid(slot));
        if (spreads.ageMicros(slot, nowMicros) > staleAfterMicros) {
            return skip(out, CostSkipReason.STALE_BOOK);
        }
        FeeSchedule schedule = fees.schedule(exchange);
        if (schedule == null) {
            return skip(out, CostSkipReason.NO_FEE_SCHEDULE);
        }
        double feeBps = schedule.effectiveBps(maker);
        out.fees(feeBps, feeBps);
        if (kind == InstrumentKind.PERPETUAL) {
            if (!funding.hasRate(slot)) {
                return skip(out, CostSkipReason.NO_FUNDING_RATE);
            }
            long events = funding.fundingEvents(slot, nowMicros, horizonMicros);
            out.funding(funding.expectedBps(slot, side, events), events);
        }
        if (!maker) {
            out.spread(spreads.currentBps(slot) * 0.5, spreads.ewmaBps(slot) * 0.5);
            // both sides are walked whatever the side (entry one way, exit the other), always asks first
            double buying = slippage.slippageBps(slot, Side.BUY, quantity, nowMicros);
            double selling = slippage.slippageBps(slot, Side.SELL, quantity, nowMicros);
            if (buying == SlippageEstimator.TOO_THIN || selling == SlippageEstimator.TOO_THIN) {
                return skip(out, CostSkipReason.BOOK_TOO_THIN);
            }
            boolean buy = side == Side.BUY;
            out.slippage(buy ? buying : selling, buy ? selling : buying);
        }
        out.complete(EDGE_PER_COST_FLOOR_BPS);
        return out.edgeAfterCostBps() < minEdgeAfterCostBps ? skip(out, CostSkipReason.BELOW_MIN_EDGE) : out;
    }

    private CostBreakdown skip(CostBreakdown out, CostSkipReason reason) {
        out.skip(reason);
        skips[reason.ordinal()]++;
        return out;
    }

    /** Evaluations skipped for a reason since this model was built. */
    public long skipCount(CostSkipReason reason) {
        return skips[reason.ordinal()];
    }

    public long evaluations() {
        return evaluations;
    }

    public double minEdgeAfterCostBps() {
        return minEdgeAfterCostBps;
    }
}
