package io.huracan.domain.retraining;

import io.huracan.domain.regime.RegimeDetector;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each coin's regime, followed off the event loops from the features the pipeline publishes: fed every evaluation's
 * features in order, a detector with the pipeline's thresholds reaches the regime the pipeline's own detector reached
 * (both start in {@code RANGING}). One thread feeds it.
 */
public final class RegimeChanges {
    private final RegimeThresholds thresholds;
    private final Map<Coin, RegimeDetector> detectors = new HashMap<>();

    public RegimeChanges(RegimeThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Feeds one evaluation's features; returns the coin's new regime when they changed it. */
    public Optional<Regime> update(FeatureVector features) {
        RegimeDetector detector = detectors.computeIfAbsent(features.coin(), coin -> new RegimeDetector(thresholds));
        Regime before = detector.current();
        Regime after = detector.update(features.values());
        return after == before ? Optional.empty() : Optional.of(after);
    }

    /** The coin's regime now: {@code RANGING} until its features say otherwise. */
    public Regime current(Coin coin) {
        RegimeDetector detector = detectors.get(coin);
        return detector == null ? Regime.RANGING : detector.current();
    }
}
