package io.huracan.domain.regime;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;

/**
 * Classifies one coin's market from its features, with hysteresis. High volatility wins over a trend: a coin is
 * in {@code HIGH_VOLATILITY} while its 15-minute realised volatility is at or above the enter level (and until it
 * falls below the exit level); otherwise it trends up or down while the trend score, its 15-minute return over
 * its 15-minute volatility, is beyond the enter level (and until it falls back inside the exit level); otherwise
 * it is {@code RANGING}. A different regime must be indicated {@code confirmations} updates in a row before the
 * detector switches to it. Features that are not yet known (NaN, during warm-up) leave the regime unchanged.
 *
 * <p>One instance per coin, owned by the coin's event loop thread; {@link #update} allocates nothing.
 */
public final class RegimeDetector {
    private static final int RETURN = Feature.RETURN_15M.ordinal();
    private static final int VOLATILITY = Feature.REALISED_VOL_15M.ordinal();
    /** Volatility floor for the trend score, so that a flat book does not divide by zero. */
    private static final double MIN_VOLATILITY_BPS = 1.0;

    private final RegimeThresholds thresholds;
    private Regime current = Regime.RANGING;
    private Regime pending = Regime.RANGING;
    private int pendingCount;

    public RegimeDetector(RegimeThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Feeds one feature update (indexed by {@link Feature#ordinal()}) and returns the regime after it. */
    public Regime update(double[] features) {
        double volatility = features[VOLATILITY];
        double trendReturn = features[RETURN];
        if (Double.isNaN(volatility) || Double.isNaN(trendReturn)) {
            return current;
        }
        Regime indicated = indicated(trendReturn, volatility);
        if (indicated == current) {
            pendingCount = 0;
        } else {
            pendingCount = indicated == pending ? pendingCount + 1 : 1;
            pending = indicated;
            if (pendingCount >= thresholds.confirmations()) {
                current = indicated;
                pendingCount = 0;
            }
        }
        return current;
    }

    public Regime current() {
        return current;
    }

    private Regime indicated(double trendReturn, double volatility) {
        double volLevel = current == Regime.HIGH_VOLATILITY ? thresholds.highVolExitBps() : thresholds.highVolEnterBps();
        if (volatility >= volLevel) {
            return Regime.HIGH_VOLATILITY;
        }
        double score = trendReturn / Math.max(volatility, MIN_VOLATILITY_BPS);
        double upLevel = current == Regime.TRENDING_UP ? thresholds.trendExitScore() : thresholds.trendEnterScore();
        if (score >= upLevel) {
            return Regime.TRENDING_UP;
        }
        double downLevel = current == Regime.TRENDING_DOWN ? thresholds.trendExitScore() : thresholds.trendEnterScore();
        if (-score >= downLevel) {
            return Regime.TRENDING_DOWN;
        }
        return Regime.RANGING;
    }
}
