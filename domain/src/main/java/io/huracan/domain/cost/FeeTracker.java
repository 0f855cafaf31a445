package io.huracan.domain.cost;

import io.huracan.ports.market.ExchangeId;

/**
 * The fee schedule in force per exchange. Starts from config and is replaced at run time by
 * {@link #refresh(ExchangeId, FeeSchedule)}, which an exchange adapter calls when the account's tier or discount
 * changes. Readers see either the old or the new schedule of an exchange, never a mix (copy on write).
 */
public final class FeeTracker {
    private volatile FeeSchedule[] schedules;

    public FeeTracker(CostModelParams params) {
        FeeSchedule[] initial = new FeeSchedule[CoinIndex.EXCHANGES];
        for (ExchangeId exchange : ExchangeId.values()) {
            initial[exchange.ordinal()] = params.feesOf(exchange);
        }
        schedules = initial;
    }

    /** The schedule in force for an exchange (by ordinal), or null when none is configured. */
    public FeeSchedule schedule(int exchange) {
        return schedules[exchange];
    }

    /** Replaces an exchange's schedule; safe to call from any thread. */
    public synchronized void refresh(ExchangeId exchange, FeeSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("fee schedule for " + exchange.key() + " is missing; a schedule is required");
        }
        FeeSchedule[] next = schedules.clone();
        next[exchange.ordinal()] = schedule;
        schedules = next;
    }
}
