package io.huracan.ports.risk;

import java.util.Locale;

/**
 * Why the risk controller reduced or rejected an intent, tripped or re-armed a breaker. The code reaches metrics
 * (as a bounded tag) and the RISK_EVENTS stream.
 */
public enum RiskReason {
    /** Gross exposure of the coin (all exchanges) would pass its limit or soft-throttle band. */
    COIN_LIMIT,
    SECTOR_LIMIT,
    EXCHANGE_LIMIT,
    GLOBAL_GROSS_LIMIT,
    /** |long - short| over the whole book, counted on the side the intent would grow. */
    GLOBAL_NET_LIMIT,
    /** The hard count of open trades is reached; no new trade opens. */
    OPEN_TRADES_LIMIT,
    /** Above the soft count of open trades the intent does not rank in the top share by edge after cost. */
    OPEN_TRADES_RANK,
    /** No price was ever seen for the coin: fail closed. */
    NO_PRICE,
    /** The coin's last price is older than the stale threshold: fail closed. */
    STALE_PRICE,
    /** The exchange does not list the coin in the universe. */
    NOT_LISTED,
    /** Quantity or price is not a finite positive number. */
    INVALID_INTENT,
    /** A reduce-only intent with no position (or no unclaimed position) to shrink. */
    NOTHING_TO_REDUCE,
    /** The coin's drawdown breaker is tripped: only reduce-only intents pass. */
    COIN_BREAKER,
    /** The global drawdown breaker is tripped: only reduce-only intents pass. */
    GLOBAL_BREAKER,
    /** The kill switch is engaged: only reduce-only (flattening) intents pass. */
    KILL_SWITCH,
    /** Breaker trips: drawdown from the peak of the current UTC day, or from the peak over the rolling window. */
    INTRADAY_DRAWDOWN,
    ROLLING_DRAWDOWN,
    /** Breaker re-armed because its cool-down ended, or by an operator. */
    COOL_DOWN_ENDED,
    MANUAL_RESET,
    /** Scale-out: this process does not hold the coin's lease (or it is about to expire), so it sends no order. */
    FENCED,
    /** Scale-out: the coin is being handed to another process; only reduce-only (closing) intents pass. */
    HANDOVER,
    /** Scale-out: the shared exposure in Redis could not be reached; fail closed. */
    SHARED_EXPOSURE_UNAVAILABLE;

    /** The snake_case code used in metric tags and event payloads, e.g. {@code global_net_limit}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
