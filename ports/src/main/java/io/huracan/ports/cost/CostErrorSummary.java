package io.huracan.ports.cost;

/**
 * How well the cost model predicted what orders really cost: the distribution of realised minus predicted cost
 * per completed order, in basis points of the reference mid price (positive = the order cost more than
 * predicted). Mean, deviation, extremes and mean absolute error cover every completed order; the percentiles
 * cover the latest {@code windowSize} of them.
 *
 * @param orders          completed orders with at least one fill
 * @param meanPredictedBps mean predicted cost of those orders
 * @param meanRealisedBps  mean realised cost of those orders
 * @param meanErrorBps    mean of realised - predicted (the model's bias)
 * @param stdDevErrorBps  sample standard deviation of the error (0 below two orders)
 * @param meanAbsErrorBps mean absolute error
 * @param minErrorBps     smallest error (0 when no order completed)
 * @param maxErrorBps     largest error (0 when no order completed)
 * @param p05ErrorBps     5th percentile of the latest window
 * @param p50ErrorBps     median of the latest window
 * @param p95ErrorBps     95th percentile of the latest window
 * @param windowSize      errors the percentiles are taken over
 * @param droppedOrders   predictions dropped unfinished because more than max_tracked_orders were open
 * @param unmatchedFills  fills of orders with no prediction (never predicted, or dropped)
 */
public record CostErrorSummary(
        long orders,
        double meanPredictedBps,
        double meanRealisedBps,
        double meanErrorBps,
        double stdDevErrorBps,
        double meanAbsErrorBps,
        double minErrorBps,
        double maxErrorBps,
        double p05ErrorBps,
        double p50ErrorBps,
        double p95ErrorBps,
        int windowSize,
        long droppedOrders,
        long unmatchedFills) {
}
