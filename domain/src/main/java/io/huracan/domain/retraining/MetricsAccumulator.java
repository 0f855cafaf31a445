package io.huracan.domain.retraining;

import io.huracan.ports.registry.ModelMetrics;

/**
 * Turns per-trade returns after cost (bps, in time order) into {@link ModelMetrics}: Sharpe and Sortino per trade
 * (mean over the population standard deviation, over the downside deviation {@code sqrt(mean(min(r, 0)^2))}), win
 * rate, mean edge, and the worst drawdown of the compounded equity curve {@code prod(1 + r / 10000)} as a fraction
 * of its running peak. Ratios with a zero denominator are 0.
 */
public final class MetricsAccumulator {
    private int trades;
    private int wins;
    private double sum;
    private double sumSquares;
    private double downsideSquares;
    private double equity = 1;
    private double peak = 1;
    private double maxDrawdown;

    public void add(double returnBps) {
        trades++;
        if (returnBps > 0) {
            wins++;
        }
        sum += returnBps;
        sumSquares += returnBps * returnBps;
        if (returnBps < 0) {
            downsideSquares += returnBps * returnBps;
        }
        equity *= Math.max(0, 1 + returnBps / 10_000);
        peak = Math.max(peak, equity);
        maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
    }

    public int trades() {
        return trades;
    }

    public ModelMetrics metrics() {
        if (trades == 0) {
            return new ModelMetrics(0, 0, 0, 0, 0, 0);
        }
        double mean = sum / trades;
        double variance = Math.max(0, sumSquares / trades - mean * mean);
        double sd = Math.sqrt(variance);
        double downside = Math.sqrt(downsideSquares / trades);
        return new ModelMetrics(sd > 0 ? mean / sd : 0, downside > 0 ? mean / downside : 0, (double) wins / trades,
                Math.min(1, maxDrawdown), trades, mean);
    }
}
