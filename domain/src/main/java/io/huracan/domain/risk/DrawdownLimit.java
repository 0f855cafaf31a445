package io.huracan.domain.risk;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.inHalfOpenRange;
import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * Drawdown breaker thresholds for one scope, as fractions of the equity peak: {@code intraday} from the peak of
 * the current UTC day, {@code rolling} from the peak over {@code rollingWindow}.
 */
public record DrawdownLimit(double intraday, double rolling, Duration rollingWindow) {
    public DrawdownLimit {
        inHalfOpenRange("intraday", intraday, 0, 1);
        inHalfOpenRange("rolling", rolling, 0, 1);
        positive("rolling_window", rollingWindow);
    }
}
