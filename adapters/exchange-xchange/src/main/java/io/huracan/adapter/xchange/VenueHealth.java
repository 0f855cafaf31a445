package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;

import java.time.Instant;

/**
 * One venue as the gateway sees it: its circuit breaker, whether it has banned or paused us and until when, the
 * share of its tightest rate window still free ({@code headroom}, 1 = untouched), and the failures the breaker has
 * counted.
 */
public record VenueHealth(ExchangeId exchange, Breaker breaker, boolean banned, Instant pausedUntil, double headroom,
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

    /** One line for a health endpoint: why calls are not flowing, or that they are. */
    public String describe(Instant now) {
        if (banned && now.isBefore(pausedUntil)) {
            return exchange.key() + " has banned this IP until " + pausedUntil;
        }
        if (now.isBefore(pausedUntil)) {
            return exchange.key() + " asked to back off until " + pausedUntil;
        }
        if (breaker != Breaker.CLOSED) {
            return exchange.key() + " circuit breaker " + breaker.name().toLowerCase(java.util.Locale.ROOT) + " after "
                    + failures + " failures";
        }
        return exchange.key() + " answering; " + Math.round(headroom * 100) + "% of the tightest rate limit free";
    }
}
