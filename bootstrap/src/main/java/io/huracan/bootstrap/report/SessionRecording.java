package io.huracan.bootstrap.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session's report shows, gathered while it runs: series sampled by one sampler thread (about once a
 * second, so their size stays small), and the per-order costs and the summary added at the end.
 */
public final class SessionRecording {
    private final List<EquityPoint> equity = new ArrayList<>();
    private final List<ExposurePoint> exposure = new ArrayList<>();
    private final List<UtilisationPoint> utilisation = new ArrayList<>();
    private final List<OrderCost> orderCosts = new ArrayList<>();
    private final List<FillRow> fills = new ArrayList<>();
    private final Map<String, Long> costSkips = new LinkedHashMap<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();

    public synchronized void add(EquityPoint point) {
        equity.add(point);
    }

    public synchronized void add(ExposurePoint point) {
        exposure.add(point);
    }

    public synchronized void add(UtilisationPoint point) {
        utilisation.add(point);
    }

    public synchronized void add(OrderCost cost) {
        orderCosts.add(cost);
    }

    public synchronized void add(FillRow fill) {
        fills.add(fill);
    }

    public synchronized void costSkips(Map<String, Long> countsByReason) {
        costSkips.clear();
        costSkips.putAll(countsByReason);
    }

    /** A headline number of the session (events, orders, fills, P&L...), shown in the report's table. */
    public synchronized void summary(String name, Object value) {
        summary.put(name, value);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(equity), List.copyOf(exposure), List.copyOf(utilisation),
                List.copyOf(orderCosts), List.copyOf(fills), Map.copyOf(costSkips), new LinkedHashMap<>(summary));
    }

    record Snapshot(List<EquityPoint> equity, List<ExposurePoint> exposure, List<UtilisationPoint> utilisation,
                    List<OrderCost> orderCosts, List<FillRow> fills, Map<String, Long> costSkips,
                    Map<String, Object> summary) {
        Snapshot withoutFills() {
            return new Snapshot(equity, exposure, utilisation, orderCosts, List.of(), costSkips, summary);
        }
    }
}
