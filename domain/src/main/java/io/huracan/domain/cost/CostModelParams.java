package io.huracan.domain.cost;

import io.huracan.ports.config.InvalidConfigException;
import io.huracan.ports.market.ExchangeId;

import java.time.Duration;
import java.util.Map;

import static io.huracan.ports.config.ConfigChecks.inClosedRange;
import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * The cost model's configuration ({@code engine.cost_model}). Formulas: docs/cost-model.md.
 *
 * @param fees                  fee schedule per exchange key (paper, binance, okx, bybit)
 * @param spreadEwmaHalfLife    half-life of the spread's exponentially weighted mean
 * @param fundingHorizon        default holding horizon over which funding is charged
 * @param minEdgeAfterCostBps   signals whose edge after cost is below this are skipped
 * @param staleBookAfter        a book whose last update is older than this is not costed (skip reason stale_book)
 * @param maxTrackedOrders      orders whose predicted cost waits for fills at most; the oldest is dropped beyond
 * @param errorWindow           latest predicted-against-realised errors kept for percentiles
 */
public record CostModelParams(
        Map<String, FeeSchedule> fees,
        Duration spreadEwmaHalfLife,
        Duration fundingHorizon,
        double minEdgeAfterCostBps,
        Duration staleBookAfter,
        int maxTrackedOrders,
        int errorWindow) {

    public CostModelParams {
        fees = Map.copyOf(fees);
        for (String exchange : fees.keySet()) {
            try {
                ExchangeId.fromKey(exchange);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("fees." + exchange, "unknown exchange; allowed: " + ExchangeId.allowedKeys());
            }
        }
        positive("spread_ewma_half_life", spreadEwmaHalfLife);
        positive("funding_horizon", fundingHorizon);
        inClosedRange("min_edge_after_cost_bps", minEdgeAfterCostBps, -1000, 1000);
        positive("stale_book_after", staleBookAfter);
        positive("max_tracked_orders", maxTrackedOrders);
        positive("error_window", errorWindow);
    }

    /** The fee schedule configured for an exchange, or null when none is. */
    public FeeSchedule feesOf(ExchangeId exchange) {
        return fees.get(exchange.key());
    }
}
