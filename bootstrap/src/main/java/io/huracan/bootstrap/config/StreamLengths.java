package io.huracan.bootstrap.config;

import io.huracan.ports.bus.StreamType;

import static io.huracan.ports.config.ConfigChecks.positive;

/** Approximate maximum length kept per stream ({@code engine.message_bus.max_length}). */
public record StreamLengths(long marketData, long features, long signals, long orders, long executions, long riskEvents) {
    public StreamLengths {
        positive("market_data", marketData);
        positive("features", features);
        positive("signals", signals);
        positive("orders", orders);
        positive("executions", executions);
        positive("risk_events", riskEvents);
    }

    public long of(StreamType stream) {
        return switch (stream) {
            case MARKET_DATA -> marketData;
            case FEATURES -> features;
            case SIGNALS -> signals;
            case ORDERS -> orders;
            case EXECUTIONS -> executions;
            case RISK_EVENTS -> riskEvents;
        };
    }
}
