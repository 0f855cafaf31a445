package io.huracan.ports.registry;

/**
 * A model's evidence, measured out of sample (or live, for the decay check). Ratios are per trade and not
 * annualised; drawdown is a fraction of the equity peak in [0, 1].
 *
 * @param sharpe              mean over standard deviation of per-trade returns after cost
 * @param sortino             mean over downside deviation of per-trade returns after cost
 * @param winRate             share of trades with a positive return after cost, in [0, 1]
 * @param maxDrawdown         worst peak-to-trough loss of the equity curve, a fraction in [0, 1]
 * @param tradeCount          trades behind these numbers
 * @param meanEdgeAfterCostBps mean return per trade after fees, spread and slippage, in basis points
 */
public record ModelMetrics(double sharpe, double sortino, double winRate, double maxDrawdown, int tradeCount,
                           double meanEdgeAfterCostBps) {
    public ModelMetrics {
        finite("sharpe", sharpe);
        finite("sortino", sortino);
        finite("mean_edge_after_cost_bps", meanEdgeAfterCostBps);
        if (!(winRate >= 0 && winRate <= 1)) {
            throw new IllegalArgumentException("win_rate " + winRate + " is out of range [0, 1]");
        }
        if (!(maxDrawdown >= 0 && maxDrawdown <= 1)) {
            throw new IllegalArgumentException("max_drawdown " + maxDrawdown + " is out of range [0, 1]");
        }
        if (tradeCount < 0) {
            throw new IllegalArgumentException("trade_count " + tradeCount + " is invalid; allowed: an integer >= 0");
        }
    }

    private static void finite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " " + value + " is invalid; allowed: a finite number");
        }
    }
}
