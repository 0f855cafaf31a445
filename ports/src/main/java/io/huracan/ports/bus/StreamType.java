package io.huracan.ports.bus;

import java.util.Locale;

/** The engine's message streams, in the order data flows through them. */
public enum StreamType {
    MARKET_DATA,
    FEATURES,
    SIGNALS,
    ORDERS,
    EXECUTIONS,
    RISK_EVENTS;

    /** The snake_case key used in config and stream names, e.g. {@code market_data}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
