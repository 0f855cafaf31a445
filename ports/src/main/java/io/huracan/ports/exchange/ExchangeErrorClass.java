package io.huracan.ports.exchange;

/**
 * How a failure crossing the exchange port is handled (DESIGN.md section 5). Each adapter has one classifier that
 * maps its venue's errors onto these; retries, rate limiting and circuit breaking key off the class.
 */
public enum ExchangeErrorClass {
    /** Transient: a timeout, a rate limit, a venue overload. Retry after querying by client order id. */
    RETRYABLE,
    /** The venue refused this request; sending it again unchanged fails the same way. */
    REJECTED,
    /** Nothing will work until a person acts: bad credentials, a banned account, an unknown venue API. */
    FATAL
}
