package io.huracan.domain.regime;

import io.huracan.ports.config.InvalidConfigException;

import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * When {@link RegimeDetector} switches regime (docs/model-registry.md). Each condition has an enter level and
 * a lower exit level, and a new regime must be indicated on {@code confirmations} consecutive updates, so a
 * coin hovering at a threshold does not flap.
 *
 * @param highVolEnterBps 15-minute realised volatility (bps) from which a coin is in high volatility
 * @param highVolExitBps  it leaves high volatility when that volatility drops below this
 * @param trendEnterScore |15-minute return / 15-minute volatility| from which a coin is trending
 * @param trendExitScore  it stops trending when the score (in the trend's direction) drops below this
 * @param confirmations   consecutive updates a new regime must be indicated before the detector switches
 */
public record RegimeThresholds(double highVolEnterBps, double highVolExitBps, double trendEnterScore,
                               double trendExitScore, int confirmations) {

    /** Tuned for 15-minute windows on liquid coins: BTC's 15-minute volatility is typically 15-40 bps. */
    public static final RegimeThresholds DEFAULTS = new RegimeThresholds(150, 110, 1.5, 0.75, 3);

    public RegimeThresholds {
        positive("high_vol_exit_bps", highVolExitBps);
        positive("trend_exit_score", trendExitScore);
        positive("confirmations", confirmations);
        if (!(highVolEnterBps > highVolExitBps) || Double.isInfinite(highVolEnterBps)) {
            throw new InvalidConfigException("high_vol_enter_bps", highVolEnterBps
                    + " is invalid; allowed: a finite number above high_vol_exit_bps (" + highVolExitBps + ")");
        }
        if (!(trendEnterScore > trendExitScore) || Double.isInfinite(trendEnterScore)) {
            throw new InvalidConfigException("trend_enter_score", trendEnterScore
                    + " is invalid; allowed: a finite number above trend_exit_score (" + trendExitScore + ")");
        }
    }
}
