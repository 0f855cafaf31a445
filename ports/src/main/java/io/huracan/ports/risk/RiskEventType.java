package io.huracan.ports.risk;

/** What happened, for the RISK_EVENTS stream. */
public enum RiskEventType {
    REDUCED,
    REJECTED,
    BREAKER_TRIPPED,
    BREAKER_RESET,
    KILL_SWITCH_ENGAGED,
    KILL_SWITCH_RESET
}
