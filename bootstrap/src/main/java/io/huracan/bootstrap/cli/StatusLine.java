package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.engine.HuracanEngine;
import io.huracan.domain.pipeline.PipelineStats;
import io.huracan.domain.risk.ExposureScope;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * The running session's one-line status: rewritten in place every second on a terminal; a plain line every
 * {@value #PIPE_EVERY_SECONDS} seconds in a pipe or a log.
 */
final class StatusLine {
    private static final int PIPE_EVERY_SECONDS = 5;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastEvents;
    private long lastNanos;
    private long lastPrintedSecond = -1;

    StatusLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(HuracanEngine engine, long elapsedNanos) {
        long second = TimeUnit.NANOSECONDS.toSeconds(elapsedNanos);
        if (!terminal && (second / PIPE_EVERY_SECONDS == lastPrintedSecond / PIPE_EVERY_SECONDS)) {
            return;
        }
        lastPrintedSecond = second;
        PipelineStats stats = engine.stats();
        double seconds = (elapsedNanos - lastNanos) / 1e9;
        long rate = seconds > 0 ? Math.round((stats.marketEvents() - lastEvents) / seconds) : 0;
        lastEvents = stats.marketEvents();
        lastNanos = elapsedNanos;
        var risk = engine.risk();
        String line = String.format("%4ds  %,9d events/s  signals %,d  orders %,d  fills %,d  P&L %+,.2f  exposure %,.0f"
                        + "  skips %,d  risk rejects %,d  breakers %s",
                second, rate, stats.signals(), stats.ordersSent(), stats.fills(),
                risk.equity() - risk.startingEquity(),
                risk.exposure(ExposureScope.GLOBAL_GROSS, 0), stats.costSkipsTotal(), stats.riskRejectsTotal(),
                risk.globalBreakerTripped() ? "GLOBAL TRIPPED" : risk.killSwitchEngaged() ? "KILL SWITCH" : "ok");
        if (terminal) {
            out.print("\r\033[2K" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
            out.flush();
        }
    }
}
