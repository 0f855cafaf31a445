package io.huracan.adapter.paper;

import io.huracan.ports.market.InstrumentKind;

import java.math.BigDecimal;
import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.inClosedRange;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * The market simulator's settings.
 *
 * @param seed                   the only source of randomness: the same seed gives the same events, byte for byte
 * @param market                 instrument kind simulated: spot, or perpetual (which adds funding rates)
 * @param updateInterval         each coin's book tops are updated once per interval on every venue listing it
 * @param fundingInterval        perpetual funding is charged at multiples of this since the epoch (8h: 00, 08, 16 UTC)
 * @param fundingPublishInterval how often venues publish the current funding rate
 * @param meanRegimeDuration     mean time a sector stays in a regime (trending up/down, ranging, high volatility)
 * @param volatilityScale        multiplies every volatility and trend (1 = realistic crypto volatility)
 * @param minNotional            minimum order notional of every simulated instrument, quote currency
 */
public record MarketSimulatorConfig(
        long seed,
        InstrumentKind market,
        Duration updateInterval,
        Duration fundingInterval,
        Duration fundingPublishInterval,
        Duration meanRegimeDuration,
        double volatilityScale,
        BigDecimal minNotional) {

    public MarketSimulatorConfig {
        required("market", market);
        positive("update_interval", updateInterval);
        if (updateInterval.toNanos() % 1000 != 0) {
            throw new io.huracan.ports.config.InvalidConfigException("update_interval",
                    updateInterval + " is invalid; allowed: a whole number of microseconds");
        }
        positive("funding_interval", fundingInterval);
        positive("funding_publish_interval", fundingPublishInterval);
        positive("mean_regime_duration", meanRegimeDuration);
        inClosedRange("volatility_scale", volatilityScale, 0, 100);
        required("min_notional", minNotional);
        inClosedRange("min_notional", minNotional.doubleValue(), 0, 1e9);
    }

    /** Perpetuals updated every 100 ms, 8-hour funding published each minute, 10-minute regimes, 5 USDT minimum. */
    public static MarketSimulatorConfig defaults(long seed) {
        return new MarketSimulatorConfig(seed, InstrumentKind.PERPETUAL, Duration.ofMillis(100), Duration.ofHours(8),
                Duration.ofMinutes(1), Duration.ofMinutes(10), 1.0, BigDecimal.valueOf(5));
    }
}
