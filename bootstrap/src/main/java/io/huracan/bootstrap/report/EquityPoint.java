package io.huracan.bootstrap.report;

/** The account's equity and P&L at one instant of a session, in the quote currency. */
public record EquityPoint(long epochMicros, double equity, double realisedPnl, double unrealisedPnl) {
}
