package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExecutionReport;

import java.math.BigDecimal;

/**
 * An order as the venue reports it: our report of it, and the fees the venue has charged on it so far, in the quote
 * currency. Venues that answer with the order's cumulative state rather than its executions (OKX and Bybit always,
 * Binance on a query) name no fill; the gateway then reports the growth of the filled quantity as one fill whose fee
 * is the growth of {@code feesQuote}.
 */
record VenueOrderState(ExecutionReport report, BigDecimal feesQuote) {
    VenueOrderState {
        if (report == null || feesQuote == null) {
            throw new IllegalArgumentException("a venue order state needs a report and its fees (zero for none)");
        }
    }
}
