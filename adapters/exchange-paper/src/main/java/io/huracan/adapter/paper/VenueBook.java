package io.huracan.adapter.paper;

import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.Trade;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One instrument on one paper venue: the latest simulated book top, the depth synthesised behind it, the
 * liquidity our own orders took since that top arrived, the resting orders, and the funding schedule.
 *
 * <p>Depth model: level {@code j} (0 = the top) sits {@code j} spreads (at least one tick) behind the touch and
 * holds {@code (1 + j/2)} times the top quantity, so a wider spread (higher volatility) means thinner depth
 * near the touch. Each new book top replenishes the liquidity.
 */
final class VenueBook {
    final Instrument instrument;
    final DecimalGrid ticks;
    final DecimalGrid lots;
    final int depthLevels;
    final List<PaperOrder> resting = new ArrayList<>();

    boolean hasMarket;
    long timestampMicros;
    long bidTicks;
    long askTicks;
    long bidLots;
    long askLots;
    private final long[] takenBid;
    private final long[] takenAsk;

    FundingRate funding;
    /** The latest public trades, a ring of {@link #TRADES_KEPT}; the simulator built them, nothing is copied. */
    static final int TRADES_KEPT = 100;
    private final Trade[] trades = new Trade[TRADES_KEPT];
    private long tradesSeen;
    long nextFundingMicros = Long.MAX_VALUE;
    long lastFundingChargedMicros = Long.MIN_VALUE;

    VenueBook(Instrument instrument, int depthLevels) {
        this.instrument = instrument;
        this.ticks = powerOfTen("tick size", instrument.tickSize(), instrument);
        this.lots = powerOfTen("lot size", instrument.lotSize(), instrument);
        this.depthLevels = depthLevels;
        this.takenBid = new long[depthLevels];
        this.takenAsk = new long[depthLevels];
    }

    private static DecimalGrid powerOfTen(String what, BigDecimal step, Instrument instrument) {
        if (step.unscaledValue().intValueExact() != 1) {
            throw new IllegalArgumentException("instrument " + instrument.coin() + "@" + instrument.exchange() + " "
                    + what + " " + step.toPlainString() + " is invalid for the paper venue; allowed: a power of ten");
        }
        return new DecimalGrid(step.scale());
    }

    void update(BookTop top) {
        hasMarket = true;
        timestampMicros = top.timestampMicros();
        bidTicks = ticks.roundUnits(top.bidPrice());
        askTicks = Math.max(bidTicks + 1, ticks.roundUnits(top.askPrice()));
        bidLots = Math.max(0, lots.roundUnits(top.bidQuantity()));
        askLots = Math.max(0, lots.roundUnits(top.askQuantity()));
        Arrays.fill(takenBid, 0);
        Arrays.fill(takenAsk, 0);
    }

    void recordTrade(Trade trade) {
        trades[(int) (tradesSeen++ % TRADES_KEPT)] = trade;
    }

    /** The latest trades, newest first, at most {@code limit}. */
    List<Trade> recentTrades(int limit) {
        int count = (int) Math.min(Math.min(limit, TRADES_KEPT), tradesSeen);
        List<Trade> recent = new ArrayList<>(Math.max(count, 0));
        for (int i = 1; i <= count; i++) {
            recent.add(trades[(int) ((tradesSeen - i) % TRADES_KEPT)]);
        }
        return recent;
    }

    void updateFunding(FundingRate rate) {
        funding = rate;
        if (rate.nextFundingMicros() > lastFundingChargedMicros) {
            nextFundingMicros = rate.nextFundingMicros();
        }
    }

    /** Ticks between levels: one spread, at least one tick. */
    private long levelStep() {
        return Math.max(1, askTicks - bidTicks);
    }

    /** Price in ticks of level {@code level} on the side a taker of {@code takerSide} trades against. */
    long levelTicks(Side takerSide, int level) {
        return takerSide == Side.BUY ? askTicks + level * levelStep() : bidTicks - level * levelStep();
    }

    /** Lots still available at a level for a taker of {@code takerSide}. */
    long levelLots(Side takerSide, int level) {
        long top = takerSide == Side.BUY ? askLots : bidLots;
        long taken = takerSide == Side.BUY ? takenAsk[level] : takenBid[level];
        return Math.max(0, top + top * level / 2 - taken);
    }

    void take(Side takerSide, int level, long lotsTaken) {
        if (takerSide == Side.BUY) {
            takenAsk[level] += lotsTaken;
        } else {
            takenBid[level] += lotsTaken;
        }
    }

    BigDecimal mid() {
        return ticks.toDecimal(bidTicks + askTicks).divide(BigDecimal.valueOf(2));
    }

    OrderBook snapshot(int depth) {
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        if (hasMarket) {
            for (int level = 0; level < Math.min(depth, depthLevels); level++) {
                long bid = levelTicks(Side.SELL, level);
                if (bid > 0) {
                    bids.add(new BookLevel(ticks.toDouble(bid), lots.toDouble(levelLots(Side.SELL, level))));
                }
                asks.add(new BookLevel(ticks.toDouble(levelTicks(Side.BUY, level)),
                        lots.toDouble(levelLots(Side.BUY, level))));
            }
        }
        return new OrderBook(instrument.coin(), instrument.exchange(), timestampMicros, bids, asks);
    }
}
