package io.huracan.bootstrap.report;

import java.util.Map;

/** Gross exposure (quote notional) by sector and by exchange at one instant. */
public record ExposurePoint(long epochMicros, Map<String, Double> bySector, Map<String, Double> byExchange) {
    public ExposurePoint {
        bySector = Map.copyOf(bySector);
        byExchange = Map.copyOf(byExchange);
    }
}
