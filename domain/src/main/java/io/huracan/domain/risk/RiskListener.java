package io.huracan.domain.risk;

import io.huracan.ports.risk.RiskEvent;

/**
 * Where the risk controller sends what it decides besides plain approvals: every reduction, rejection, breaker
 * trip and reset (for the RISK_EVENTS stream and metrics), and the kill switch's cancels and flattening orders.
 * Called on the thread that caused the event, outside the controller's locks; keep it short and non-blocking.
 */
public interface RiskListener {
    RiskListener NONE = event -> { };

    void onEvent(RiskEvent event);

    /** The kill switch was engaged: cancel these orders and send these reduce-only intents. */
    default void onKillSwitch(FlattenPlan plan) {
    }
}
