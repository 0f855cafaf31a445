package io.huracan.domain.feature;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;

/**
 * The incremental features of one coin on one venue ({@link Feature}), fed book tops, trades and funding in event
 * time, so a replay computes exactly what the live run did. Every update is O(1) and allocation-free: prices sit
 * in fixed rings of time buckets (100 ms for the 10 s return, 1 s for the rest).
 *
 * <ul>
 *   <li>RETURN_h: {@code ln(mid now / mid at the close of the bucket h ago) * 1e4}. While less than h of history
 *       exists, the return is taken from the first mid seen.</li>
 *   <li>REALISED_VOL_w: {@code sqrt(sum of squared 1 s log returns over the last w) * 1e4}: the completed seconds
 *       of the window plus the current second's return so far. Seconds without an update return 0.</li>
 *   <li>SPREAD_BPS, BOOK_IMBALANCE: from the latest book top. TRADE_FLOW_1M: signed aggressor volume over the last
 *       60 one-second buckets (the current one included) divided by the total, 0 without trades.
 *       FUNDING_BPS: the latest funding rate * 1e4.</li>
 * </ul>
 * Events older than the newest one seen count as happening at the newest time (time never runs backwards).
 * One instance per coin and venue, touched by the coin's loop thread only.
 */
public final class RollingFeatures {
    private static final long SECOND = 1_000_000;
    private static final long TENTH = 100_000;
    private static final double BPS = 1e4;

    private final Coin coin;
    private final CloseRing tenths = new CloseRing(TENTH, 101);
    private final CloseRing seconds = new CloseRing(SECOND, 901);
    private final RollingSum squaredReturns1m = new RollingSum(SECOND, 60);
    private final RollingSum squaredReturns15m = new RollingSum(SECOND, 900);
    private final RollingSum buyVolume = new RollingSum(SECOND, 60);
    private final RollingSum sellVolume = new RollingSum(SECOND, 60);
    private long latestMicros = Long.MIN_VALUE;
    private double spreadBps;
    private double imbalance;
    private double fundingBps;
    private boolean hasBook;

    public RollingFeatures(Coin coin) {
        this.coin = coin;
    }

    public Coin coin() {
        return coin;
    }

    public void onBookTop(BookTop book) {
        long at = advanceTo(book.timestampMicros());
        double mid = book.mid();
        tenths.set(at, mid);
        seconds.set(at, mid);
        spreadBps = (book.askPrice() - book.bidPrice()) / mid * BPS;
        double depth = book.bidQuantity() + book.askQuantity();
        imbalance = depth > 0 ? (book.bidQuantity() - book.askQuantity()) / depth : 0;
        hasBook = true;
    }

    public void onTrade(Trade trade) {
        long at = advanceTo(trade.timestampMicros());
        (trade.aggressor() == Side.BUY ? buyVolume : sellVolume).add(at, trade.quantity());
    }

    public void onFunding(FundingRate funding) {
        advanceTo(funding.timestampMicros());
        fundingBps = funding.rate() * BPS;
    }

    /** Time of the newest event seen (epoch microseconds), or Long.MIN_VALUE before the first. */
    public long latestMicros() {
        return latestMicros;
    }

    /**
     * Writes the features as of {@code atMicros} (normally the latest event time; a later time lets windows age
     * without new events) into {@code out}, indexed by {@link Feature#ordinal()}.
     */
    public void writeTo(long atMicros, double[] out) {
        long at = advanceTo(atMicros);
        if (!hasBook) {
            java.util.Arrays.fill(out, 0, Feature.COUNT, 0.0);
        } else {
            double logMid = Math.log(seconds.last());
            long tenth = tenths.bucketOf(at);
            long second = seconds.bucketOf(at);
            out[Feature.RETURN_10S.ordinal()] = (logMid - Math.log(tenths.closeOf(tenth - 100))) * BPS;
            out[Feature.RETURN_1M.ordinal()] = (logMid - Math.log(seconds.closeOf(second - 60))) * BPS;
            out[Feature.RETURN_5M.ordinal()] = (logMid - Math.log(seconds.closeOf(second - 300))) * BPS;
            out[Feature.RETURN_15M.ordinal()] = (logMid - Math.log(seconds.closeOf(second - 900))) * BPS;
            double current = seconds.covers(second - 1) ? logMid - Math.log(seconds.closeOf(second - 1)) : 0;
            double currentSquared = current * current;
            out[Feature.REALISED_VOL_1M.ordinal()] = Math.sqrt(Math.max(0, squaredReturns1m.sum(at)) + currentSquared) * BPS;
            out[Feature.REALISED_VOL_15M.ordinal()] =
                    Math.sqrt(Math.max(0, squaredReturns15m.sum(at)) + currentSquared) * BPS;
            out[Feature.SPREAD_BPS.ordinal()] = spreadBps;
            out[Feature.BOOK_IMBALANCE.ordinal()] = imbalance;
        }
        double buys = buyVolume.sum(at);
        double sells = sellVolume.sum(at);
        out[Feature.TRADE_FLOW_1M.ordinal()] = buys + sells > 0 ? (buys - sells) / (buys + sells) : 0;
        out[Feature.FUNDING_BPS.ordinal()] = fundingBps;
    }

    /** The features as a record for publishing on FEATURES (allocates: use at the boundary). */
    public FeatureVector snapshot(long atMicros) {
        double[] values = new double[Feature.COUNT];
        writeTo(atMicros, values);
        return new FeatureVector(coin, Math.max(atMicros, latestMicros), values);
    }

    /**
     * Moves event time forward to {@code timestampMicros} (never back) and closes the seconds that ended, adding
     * each one's squared return to the volatility windows; returns the effective time.
     */
    private long advanceTo(long timestampMicros) {
        long at = Math.max(timestampMicros, latestMicros);
        if (!seconds.isEmpty()) {
            long open = seconds.currentBucket();
            if (seconds.bucketOf(at) > open && seconds.covers(open - 1)) {
                double closed = Math.log(seconds.closeOf(open) / seconds.closeOf(open - 1));
                squaredReturns1m.add(open * SECOND, closed * closed);
                squaredReturns15m.add(open * SECOND, closed * closed);
            }
            seconds.advance(at);
            tenths.advance(at);
        }
        squaredReturns1m.advance(at);
        squaredReturns15m.advance(at);
        latestMicros = at;
        return at;
    }
}
