package io.huracan.domain.pipeline;

import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.risk.RiskReason;

import java.util.EnumMap;
import java.util.Map;

/**
 * The pipeline's counts summed over its loop handlers at one moment.
 *
 * @param events       events handled: market data, executions and requests
 * @param marketEvents book tops, trades and funding rates handled
 * @param evaluations  signal evaluations (at most one per coin per evaluation interval)
 * @param signals      evaluations whose predicted return passed min_signal_bps
 * @param ordersSent   orders placed on an exchange (entries and exits)
 * @param orderRejects orders the exchange rejected
 * @param fills        fills received
 * @param riskReduced  intents the risk controller reduced before they were sent
 * @param costSkips    signals the cost model skipped, by reason
 * @param riskRejects  intents the risk controller rejected, by reason
 * @param noModel      evaluations with no active model for the coin's regime
 * @param notActive    signals on coins outside the active set (they only close what they hold)
 */
public record PipelineStats(long events, long marketEvents, long evaluations, long signals, long ordersSent, long orderRejects, long fills,
                            long riskReduced, Map<CostSkipReason, Long> costSkips, Map<RiskReason, Long> riskRejects,
                            long noModel, long notActive) {

    static PipelineStats sum(Iterable<PipelineCounters> counters) {
        long events = 0, market = 0, evaluations = 0, signals = 0, sent = 0, rejects = 0, fills = 0, reduced = 0, noModel = 0,
                notActive = 0;
        long[] skips = new long[CostSkipReason.values().length];
        long[] riskRejects = new long[RiskReason.values().length];
        for (PipelineCounters c : counters) {
            events += c.events;
            market += c.marketEvents;
            evaluations += c.evaluations;
            signals += c.signals;
            sent += c.ordersSent;
            rejects += c.orderRejects;
            fills += c.fills;
            reduced += c.riskReduced;
            noModel += c.noModel;
            notActive += c.notActive;
            for (int i = 0; i < skips.length; i++) {
                skips[i] += c.costSkips[i];
            }
            for (int i = 0; i < riskRejects.length; i++) {
                riskRejects[i] += c.riskRejects[i];
            }
        }
        var skipMap = new EnumMap<CostSkipReason, Long>(CostSkipReason.class);
        for (CostSkipReason reason : CostSkipReason.values()) {
            if (skips[reason.ordinal()] > 0) {
                skipMap.put(reason, skips[reason.ordinal()]);
            }
        }
        var rejectMap = new EnumMap<RiskReason, Long>(RiskReason.class);
        for (RiskReason reason : RiskReason.values()) {
            if (riskRejects[reason.ordinal()] > 0) {
                rejectMap.put(reason, riskRejects[reason.ordinal()]);
            }
        }
        return new PipelineStats(events, market, evaluations, signals, sent, rejects, fills, reduced, Map.copyOf(skipMap),
                Map.copyOf(rejectMap), noModel, notActive);
    }

    public long costSkipsTotal() {
        return costSkips.values().stream().mapToLong(Long::longValue).sum();
    }

    public long riskRejectsTotal() {
        return riskRejects.values().stream().mapToLong(Long::longValue).sum();
    }
}
