package io.huracan.domain.regime;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegimeDetectorTest {
    private final RegimeDetector detector = new RegimeDetector(RegimeThresholds.DEFAULTS);

    @Test
    void aTrendIsConfirmedAfterThreeUpdatesAndHeldUntilItFadesBelowTheExitScore() {
        // 15-minute volatility 40 bps: trend score = return / 40; enter at 1.5 (60 bps), exit below 0.75 (30 bps)
        assertThat(feed(59, 40)).isEqualTo(Regime.RANGING);
        assertThat(feed(60, 40)).as("first sign").isEqualTo(Regime.RANGING);
        assertThat(feed(60, 40)).as("second").isEqualTo(Regime.RANGING);
        assertThat(feed(61, 40)).as("third: confirmed").isEqualTo(Regime.TRENDING_UP);
        assertThat(feed(31, 40)).as("score 0.775 is still above the exit").isEqualTo(Regime.TRENDING_UP);
        assertThat(feed(29, 40)).isEqualTo(Regime.TRENDING_UP);
        assertThat(feed(29, 40)).isEqualTo(Regime.TRENDING_UP);
        assertThat(feed(29, 40)).as("three updates below the exit").isEqualTo(Regime.RANGING);
    }

    @Test
    void hoveringAtAThresholdDoesNotFlap() {
        for (int i = 0; i < 3; i++) {
            feed(-70, 40);
        }
        assertThat(detector.current()).isEqualTo(Regime.TRENDING_DOWN);
        for (int i = 0; i < 50; i++) {
            double trendReturn = i % 2 == 0 ? -62 : -58; // scores 1.55 / 1.45 around the enter level
            assertThat(feed(trendReturn, 40)).isEqualTo(Regime.TRENDING_DOWN);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(feed(i % 2 == 0 ? -20 : -40, 40)).as("alternating in and out never confirms a switch")
                    .isEqualTo(Regime.TRENDING_DOWN);
        }
    }

    @Test
    void highVolatilityWinsOverATrendAndHasItsOwnBand() {
        for (int i = 0; i < 3; i++) {
            feed(400, 150);
        }
        assertThat(detector.current()).as("score 2.7 but volatility at the enter level").isEqualTo(Regime.HIGH_VOLATILITY);
        for (int i = 0; i < 3; i++) {
            assertThat(feed(0, 111)).as("above the exit level").isEqualTo(Regime.HIGH_VOLATILITY);
        }
        feed(0, 109);
        feed(0, 109);
        assertThat(feed(0, 109)).isEqualTo(Regime.RANGING);
    }

    @Test
    void unknownFeaturesLeaveTheRegimeAlone() {
        for (int i = 0; i < 3; i++) {
            feed(-90, 40);
        }
        assertThat(feed(Double.NaN, 40)).isEqualTo(Regime.TRENDING_DOWN);
        assertThat(feed(0, Double.NaN)).isEqualTo(Regime.TRENDING_DOWN);
    }

    @Test
    void thresholdsNeedABand() {
        assertThatThrownBy(() -> new RegimeThresholds(100, 100, 1.5, 0.75, 3))
                .hasMessage("high_vol_enter_bps: 100.0 is invalid; allowed: a finite number above high_vol_exit_bps (100.0)");
        assertThatThrownBy(() -> new RegimeThresholds(150, 110, 0.5, 0.75, 3))
                .hasMessage("trend_enter_score: 0.5 is invalid; allowed: a finite number above trend_exit_score (0.75)");
    }

    private Regime feed(double return15m, double vol15m) {
        double[] features = new double[Feature.COUNT];
        features[Feature.RETURN_15M.ordinal()] = return15m;
        features[Feature.REALISED_VOL_15M.ordinal()] = vol15m;
        return detector.update(features);
    }
}
