package io.huracan.domain.pipeline;

import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.risk.RiskReason;

/**
 * One loop handler's counts, written only by its loop thread and read by anyone (a status line, a report);
 * plain fields, since a reader only needs a recent value, not a consistent snapshot.
 */
final class PipelineCounters {
    /** Events fully handled; volatile so that a step barrier reading it sees everything the events did. */
    volatile long events;
    long marketEvents;
    long evaluations;
    long signals;
    long ordersSent;
    long orderRejects;
    long fills;
    long riskReduced;
    final long[] costSkips = new long[CostSkipReason.values().length];
    final long[] riskRejects = new long[RiskReason.values().length];
    long noModel;
    long notActive;

    /** Publishes the handled-event count (single writer: the owning loop thread). */
    void processed(long count) {
        events = count;
    }
}
