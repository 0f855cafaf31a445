package io.huracan.ports.market;

import java.util.Locale;

/** The state a coin's market is in; signal models are trained and selected per regime. */
public enum Regime {
    TRENDING_UP,
    TRENDING_DOWN,
    RANGING,
    HIGH_VOLATILITY;

    /** The snake_case key used in config, the CLI and metric tags, e.g. {@code trending_up}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
