package io.huracan.domain.pipeline;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.nonNegative;
import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * How the pipeline turns signals into trades ({@code engine.strategy}).
 *
 * @param evaluationInterval  a coin's signal is evaluated at most this often (event time)
 * @param tradeNotional       quote notional of a new position before risk reduces it
 * @param holdingHorizon      a position is closed after this long, or earlier when its signal turns against it
 * @param minSignalBps        a predicted return smaller than this (absolute, bps) is no signal
 * @param takerEntry          enter with taker (IOC) orders; otherwise post-only maker orders at the touch
 */
public record StrategyParams(
        Duration evaluationInterval,
        double tradeNotional,
        Duration holdingHorizon,
        double minSignalBps,
        boolean takerEntry) {

    public StrategyParams {
        positive("evaluation_interval", evaluationInterval);
        positive("trade_notional", tradeNotional);
        positive("holding_horizon", holdingHorizon);
        nonNegative("min_signal_bps", minSignalBps);
    }
}
