package io.huracan.domain.risk;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.inHalfOpenRange;
import static io.huracan.ports.config.ConfigChecks.nonNegative;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * The risk controller's configuration ({@code engine.risk}).
 *
 * @param softThrottleRatio     utilisation of a limit from which orders are reduced (default 0.8)
 * @param limits                exposure caps in quote notional
 * @param drawdown              drawdown breakers per coin and global
 * @param coolDown              how long a tripped breaker keeps its scope reduce-only
 * @param stalePriceThreshold   a price older than this fails the check closed
 * @param minOrderNotional      a throttled order cut below this quote notional is rejected instead of reduced
 */
public record RiskLimits(
        double softThrottleRatio,
        ExposureLimits limits,
        DrawdownBreakers drawdown,
        Duration coolDown,
        Duration stalePriceThreshold,
        double minOrderNotional) {

    public RiskLimits {
        inHalfOpenRange("soft_throttle_ratio", softThrottleRatio, 0, 1);
        required("limits", limits);
        required("drawdown", drawdown);
        positive("cool_down", coolDown);
        positive("stale_price_threshold", stalePriceThreshold);
        nonNegative("min_order_notional", minOrderNotional);
    }
}
