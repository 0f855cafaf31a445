package io.huracan.domain.pipeline;

import io.huracan.domain.feature.RollingFeatures;
import io.huracan.domain.regime.RegimeDetector;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Regime;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;

import java.math.BigDecimal;

/**
 * One coin's trading state, owned by the event loop that owns the coin (never touched by two threads at once):
 * rolling features per venue, the regime detector, and the coin's one trade at a time — the order working for
 * it, and the position it holds.
 */
public final class CoinTrading {
    final Coin coin;
    final int index;
    /** Client order ids are this plus a sequence: see {@link TradingPipeline#newCoinState}. */
    final String orderIdPrefix;
    final RollingFeatures[] featuresByVenue = new RollingFeatures[ExchangeId.values().length];
    final RegimeDetector regimeDetector = new RegimeDetector(RegimeThresholds.DEFAULTS);
    long nextEvaluationMicros;
    long orderSequence;

    /** The order in flight for this coin, if any: its id, risk reservation, venue and side. */
    ClientOrderId workingOrder;
    long workingReservation;
    ExchangeId workingVenue;
    Side workingSide;
    boolean workingCloses;
    /** What the working order's reports have filled so far: quantity and quote notional, exact. */
    BigDecimal workingFilled = BigDecimal.ZERO;
    BigDecimal workingNotional = BigDecimal.ZERO;

    /** The open position: signed exact base quantity on {@code positionVenue}, and when it was opened. */
    BigDecimal position = BigDecimal.ZERO;
    ExchangeId positionVenue;
    long openedAtMicros;
    Regime lastRegime = Regime.RANGING;

    CoinTrading(Coin coin, int index, String orderIdPrefix) {
        this.coin = coin;
        this.index = index;
        this.orderIdPrefix = orderIdPrefix;
    }

    RollingFeatures features(ExchangeId venue) {
        RollingFeatures features = featuresByVenue[venue.ordinal()];
        if (features == null) {
            features = new RollingFeatures(coin);
            featuresByVenue[venue.ordinal()] = features;
        }
        return features;
    }

    boolean hasWorkingOrder() {
        return workingOrder != null;
    }

    boolean isFlat() {
        return position.signum() == 0;
    }

    void clearWorkingOrder() {
        workingOrder = null;
        workingReservation = 0;
        workingVenue = null;
        workingSide = null;
        workingCloses = false;
        workingFilled = BigDecimal.ZERO;
        workingNotional = BigDecimal.ZERO;
    }
}
