package io.huracan.ports.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The venues the engine knows. The ordinal is stable and may index per-exchange arrays on hot paths. */
public enum ExchangeId {
    PAPER,
    BINANCE,
    OKX,
    BYBIT;

    /** The lower-case name used in config and metric tags. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config key such as {@code binance}; the error lists what is allowed. */
    public static ExchangeId fromKey(String key) {
        for (ExchangeId id : values()) {
            if (id.key().equals(key)) {
                return id;
            }
        }
        throw new IllegalArgumentException("exchange '" + key + "' is unknown; allowed: " + allowedKeys());
    }

    public static String allowedKeys() {
        return Arrays.stream(values()).map(ExchangeId::key).collect(Collectors.joining(", "));
    }
}
