package io.huracan.bootstrap.engine;

import io.huracan.domain.codec.EnginePayloads;
import io.huracan.domain.cost.CostOutcome;
import io.huracan.domain.pipeline.PipelineListener;
import io.huracan.domain.risk.FlattenPlan;
import io.huracan.domain.risk.RiskListener;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.order.Order;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.order.OrderIntent;
import io.huracan.ports.risk.RiskEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the pipeline's and the risk controller's events go: FEATURES, SIGNALS, ORDERS, EXECUTIONS (fills) and
 * RISK_EVENTS are published on the message bus; every event is also handed to the observers an application or the
 * session report registered. Decision latency also goes to the metrics histogram (the one meter recorded on the
 * hot path).
 */
final class EngineEvents implements PipelineListener, RiskListener {
    private final MessageBus bus;
    private final EnginePayloads payloads;
    private final List<EngineObserver> observers = new CopyOnWriteArrayList<>();
    private final LongAdder riskEvents = new LongAdder();
    private final EngineMeters.DecisionLatency decisionLatency;
    private final EngineMeters.CostOutcomes costOutcomes;

    EngineEvents(MessageBus bus, EnginePayloads payloads, EngineMetrics metrics) {
        this.bus = bus;
        this.payloads = payloads;
        this.decisionLatency = EngineMeters.decisionLatency(metrics);
        this.costOutcomes = EngineMeters.costOutcomes(metrics);
    }

    void addObserver(EngineObserver observer) {
        observers.add(observer);
    }

    long riskEvents() {
        return riskEvents.sum();
    }

    @Override
    public void onFeatures(FeatureVector features) {
        bus.publish(StreamType.FEATURES, payloads.encode(features));
    }

    @Override
    public void onSignal(OrderIntent intent) {
        bus.publish(StreamType.SIGNALS, payloads.encode(intent));
    }

    @Override
    public void onOrder(Order order) {
        bus.publish(StreamType.ORDERS, payloads.encode(order));
    }

    @Override
    public void onExecution(ExecutionReport report) {
        report.lastFill().ifPresent(fill -> bus.publish(StreamType.EXECUTIONS, payloads.encode(fill)));
        observers.forEach(observer -> observer.onExecution(report));
    }

    @Override
    public void onCostOutcome(Coin coin, ExchangeId exchange, CostOutcome outcome) {
        costOutcomes.record(exchange, outcome);
        observers.forEach(observer -> observer.onCostOutcome(coin, exchange, outcome));
    }

    @Override
    public void onDecisionLatency(long nanos, boolean intent) {
        decisionLatency.record(nanos, intent);
        observers.forEach(observer -> observer.onDecisionLatency(nanos, intent));
    }

    @Override
    public void onEvent(RiskEvent event) {
        riskEvents.increment();
        bus.publish(StreamType.RISK_EVENTS, payloads.encode(event));
        observers.forEach(observer -> observer.onRiskEvent(event));
    }

    void coinAcquired(Coin coin, long fencingToken) {
        observers.forEach(observer -> observer.onCoinAcquired(coin, fencingToken));
    }

    void coinReleased(Coin coin, long fencingToken, boolean lost) {
        observers.forEach(observer -> observer.onCoinReleased(coin, fencingToken, lost));
    }

    @Override
    public void onKillSwitch(FlattenPlan plan) {
        observers.forEach(observer -> observer.onKillSwitch(plan));
    }
}
