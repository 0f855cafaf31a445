package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;

import java.time.Instant;

/**
 * One venue as the gateway sees it: its circuit breaker, whether it has banned or paused us and until when, and
 * the request weight used in the venue's current window.
 */
public record VenueHealth(ExchangeId exchange, Breaker breaker, boolean banned, Instant pausedUntil, int usedWeight,
                          long failures) {

    public enum Breaker {
        CLOSED,
        HALF_OPEN,
        OPEN
    }

    /** Calls are flowing: the breaker is closed and the venue has not paused us. */
    public boolean healthy(Instant now) {
        return breaker == Breaker.CLOSED && !now.isBefore(pausedUntil);
    }
}
