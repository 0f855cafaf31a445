package io.huracan.ports.config;

import java.time.Duration;

/**
 * The checks config records run in their compact constructors. Each throws {@link InvalidConfigException}
 * naming the key, the value and what is allowed.
 */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    public static double positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidConfigException(key, format(value) + " is invalid; allowed: a finite number > 0");
        }
        return value;
    }

    public static double nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidConfigException(key, format(value) + " is invalid; allowed: a finite number >= 0");
        }
        return value;
    }

    public static long positive(String key, long value) {
        if (value <= 0) {
            throw new InvalidConfigException(key, value + " is invalid; allowed: an integer > 0");
        }
        return value;
    }

    public static int positive(String key, int value) {
        return (int) positive(key, (long) value);
    }

    /** Checks {@code low < value <= high}, the usual shape of a ratio. */
    public static double inHalfOpenRange(String key, double value, double low, double high) {
        if (!(value > low && value <= high)) {
            throw new InvalidConfigException(key,
                    format(value) + " is out of range (" + format(low) + ", " + format(high) + "]");
        }
        return value;
    }

    /** Checks {@code low <= value <= high}. */
    public static double inClosedRange(String key, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new InvalidConfigException(key,
                    format(value) + " is out of range [" + format(low) + ", " + format(high) + "]");
        }
        return value;
    }

    public static Duration positive(String key, Duration value) {
        required(key, value);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigException(key, value + " is invalid; allowed: a duration > 0");
        }
        return value;
    }

    public static <T> T required(String key, T value) {
        if (value == null) {
            throw new InvalidConfigException(key, "is missing; a value is required");
        }
        return value;
    }

    public static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(key, "is empty; a value is required");
        }
        return value;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
