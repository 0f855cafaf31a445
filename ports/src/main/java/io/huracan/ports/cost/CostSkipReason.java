package io.huracan.ports.cost;

import java.util.Locale;

/**
 * Why the cost model would not let a signal trade. Metric tag values ({@link #key()}), so the set is bounded.
 * Declared in the order an evaluation checks them: a later reason means the evaluation got further.
 */
public enum CostSkipReason {
    /** The coin is not listed on that exchange. */
    NOT_LISTED,
    /** No book has arrived for the coin on that exchange. */
    NO_QUOTE,
    /** The last book update is older than {@code cost_model.stale_book_after}. */
    STALE_BOOK,
    /** No fee schedule is configured (or refreshed) for the exchange. */
    NO_FEE_SCHEDULE,
    /** A perpetual with no funding rate known yet: its holding cost cannot be estimated. */
    NO_FUNDING_RATE,
    /** The visible depth is smaller than the order: its price impact is unknown. */
    BOOK_TOO_THIN,
    /** Costed, but the edge after cost is below {@code cost_model.min_edge_after_cost_bps}. */
    BELOW_MIN_EDGE;

    /** The snake_case key used in metrics and reports, e.g. {@code book_too_thin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
