package io.huracan.domain.pipeline;

import io.huracan.domain.cost.CostOutcome;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderIntent;

/**
 * What the pipeline tells the outside as it trades: features at each evaluation, the intents that pass cost and
 * risk, the orders sent and every execution. Called on loop threads; keep it short and non-blocking (publishing
 * to the message bus, counting). The engine wires it to the FEATURES, SIGNALS, ORDERS and EXECUTIONS streams.
 */
public interface PipelineListener {
    PipelineListener NONE = new PipelineListener() {
    };

    /** Features of a coin at an evaluation; {@code values} is reused after the call returns. */
    default void onFeatures(FeatureVector features) {
    }

    /** An intent that passed the cost model (before risk). */
    default void onSignal(OrderIntent intent) {
    }

    default void onOrder(Order order) {
    }

    default void onExecution(ExecutionReport report) {
    }

    /** A completed order's predicted and realised cost (orders with fills only). */
    default void onCostOutcome(Coin coin, ExchangeId exchange, CostOutcome outcome) {
    }

    /**
     * How long an evaluation took from its market event's offer to its decision, in nanoseconds of the engine's
     * monotonic clock; {@code intent} tells whether the decision was an order intent (it passed the cost model)
     * rather than a reasoned "no" (no signal, inactive coin, cost skip).
     */
    default void onDecisionLatency(long nanos, boolean intent) {
    }
}
