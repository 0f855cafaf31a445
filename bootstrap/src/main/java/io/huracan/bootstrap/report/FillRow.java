package io.huracan.bootstrap.report;

/**
 * One fill of a session, timed from the session's start so that two runs with the same seed can be compared
 * line by line.
 */
public record FillRow(long sessionMillis, String coin, String exchange, String side, String price, String quantity,
                      String feeQuote, boolean maker) {
}
