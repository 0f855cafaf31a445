package io.huracan.bootstrap.report;

import java.util.Map;

/** Risk utilisation per limit scope (used / limit; 1.0 is the limit) at one instant. */
public record UtilisationPoint(long epochMicros, Map<String, Double> byScope) {
    public UtilisationPoint {
        byScope = Map.copyOf(byScope);
    }
}
