package io.huracan.bootstrap.engine;

import io.huracan.domain.cost.CostOutcome;
import io.huracan.domain.risk.FlattenPlan;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.risk.RiskEvent;

/**
 * What an embedding application (or the session report) can watch: executions, cost outcomes, risk events, the
 * kill switch, and the decision latency. Called on engine threads; keep it short and non-blocking.
 */
public interface EngineObserver {
    default void onExecution(ExecutionReport report) {
    }

    default void onCostOutcome(Coin coin, ExchangeId exchange, CostOutcome outcome) {
    }

    default void onRiskEvent(RiskEvent event) {
    }

    default void onKillSwitch(FlattenPlan plan) {
    }

    default void onDecisionLatency(long nanos, boolean intent) {
    }

    /** Scale-out: this process took the coin's lease and trades it from now on, under {@code fencingToken}. */
    default void onCoinAcquired(Coin coin, long fencingToken) {
    }

    /**
     * Scale-out: this process stopped trading the coin: handed over to another process (settled first), or lost
     * ({@code lost}: its lease expired or was taken over).
     */
    default void onCoinReleased(Coin coin, long fencingToken, boolean lost) {
    }
}
