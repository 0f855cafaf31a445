package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.engine.HuracanEngine;
import io.huracan.bootstrap.report.SessionRecording;
import io.huracan.domain.pipeline.PipelineStats;
import io.huracan.domain.risk.ExposureScope;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The numbers a session ends with, printed and kept as the report's headline table. */
final class SessionSummary {
    private final Map<String, Object> rows = new LinkedHashMap<>();
    private final Map<String, Long> costSkips = new LinkedHashMap<>();

    SessionSummary(HuracanEngine engine, long elapsedNanos) {
        PipelineStats stats = engine.stats();
        var risk = engine.risk();
        double start = risk.startingEquity();
        rows.put("wall time (s)", Math.round(elapsedNanos / 1e8) / 10.0);
        rows.put("market events", stats.marketEvents());
        rows.put("events per second", Math.round(stats.marketEvents() / Math.max(elapsedNanos / 1e9, 1e-3)));
        rows.put("evaluations", stats.evaluations());
        rows.put("signals", stats.signals());
        rows.put("orders sent", stats.ordersSent());
        rows.put("orders rejected", stats.orderRejects());
        rows.put("fills", stats.fills());
        rows.put("risk reduced", stats.riskReduced());
        rows.put("risk rejected", stats.riskRejectsTotal());
        rows.put("cost skips", stats.costSkipsTotal());
        rows.put("signals on inactive coins", stats.notActive());
        rows.put("equity", round(risk.equity()));
        rows.put("P&L", round(risk.equity() - start));
        rows.put("gross exposure", round(risk.exposure(ExposureScope.GLOBAL_GROSS, 0)));
        rows.put("open trades", risk.openTrades());
        rows.put("global breaker", risk.globalBreakerTripped() ? "tripped" : "ok");
        engine.shutdownReport().ifPresent(report -> rows.put("unprocessed at shutdown", report.unprocessedTotal()));
        stats.costSkips().forEach((reason, count) -> costSkips.put(reason.key(), count));
        stats.riskRejects().forEach((reason, count) -> rows.put("risk rejected: " + reason.code(), count));
    }

    void print(PrintWriter out, SessionRecording recording) {
        out.println("session summary");
        rows.forEach((name, value) -> out.printf("  %-28s %s%n", name, value));
        if (!costSkips.isEmpty()) {
            out.println("  cost skips by reason         " + costSkips.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        rows.forEach(recording::summary);
        recording.costSkips(costSkips);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
