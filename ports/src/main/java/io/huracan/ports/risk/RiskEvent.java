package io.huracan.ports.risk;

import io.huracan.ports.order.OrderIntent;

import java.util.Optional;

/**
 * One entry of the RISK_EVENTS stream: every reduction, rejection, breaker trip and reset, and the kill switch.
 *
 * @param epochMicros      when, from the engine clock
 * @param utilisation      the scope's used fraction of its limit (for breakers: drawdown / threshold)
 * @param intent           the intent checked, for reductions and rejections
 * @param approvedQuantity what passed (0 for a rejection or a breaker event)
 */
public record RiskEvent(long epochMicros, RiskEventType type, RiskReason reason, RiskScope scope, double utilisation,
                        Optional<OrderIntent> intent, double approvedQuantity) {
    public RiskEvent {
        if (type == null || reason == null || scope == null || intent == null) {
            throw new IllegalArgumentException("a risk event needs a type, a reason, a scope and an intent (or empty)");
        }
    }
}
