package io.huracan.bootstrap.report;

/** One order's cost as the cost model predicted it and as its fills realised it, in bps of notional. */
public record OrderCost(String clientOrderId, String coin, String exchange, double predictedBps, double realisedBps) {
}
