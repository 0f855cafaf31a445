package io.huracan.ports.metrics;

import java.util.regex.Pattern;

/** The naming rule of the engine's meters: {@code huracan.<area>.<what>}, lower case, dots and underscores. */
public final class MetricName {
    private static final Pattern NAME = Pattern.compile("huracan(\\.[a-z][a-z0-9_]*){2,}");

    private MetricName() {
    }

    /** Returns the name if it follows the rule; otherwise throws naming what is allowed. */
    public static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name " + name + " is invalid; allowed: huracan.<area>.<what>"
                    + " in lower case with dots and underscores");
        }
        return name;
    }
}
