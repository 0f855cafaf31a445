package io.huracan.domain.cost;

import io.huracan.ports.order.ClientOrderId;

/** One completed order's cost, as the model predicted it and as its fills realised it, in bps of the reference mid. */
public record CostOutcome(ClientOrderId id, double predictedBps, double realisedBps) {
}
