package io.huracan.domain.risk;

import io.huracan.ports.config.InvalidConfigException;

import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * Open-trade caps ({@code engine.max_concurrent_trades}, {@code engine.soft_throttle_trades}): from the soft
 * count only the best-ranked intents get through; at the hard count no new trade opens.
 */
public record TradeLimits(int maxConcurrentTrades, int softThrottleTrades) {
    public TradeLimits {
        positive("max_concurrent_trades", maxConcurrentTrades);
        positive("soft_throttle_trades", softThrottleTrades);
        if (softThrottleTrades > maxConcurrentTrades) {
            throw new InvalidConfigException("soft_throttle_trades", softThrottleTrades
                    + " is above max_concurrent_trades = " + maxConcurrentTrades + "; allowed: at most that");
        }
    }
}
