package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A venue's rate limits as the venue counts them: request weight per fixed window (Binance: 6000 per minute, the
 * window starting on the minute) and orders per window, corrected whenever the venue reports what it has counted
 * (X-MBX-USED-WEIGHT-1M), paused after a 429 for its Retry-After and closed entirely after a 418 until the ban
 * ends. A call that would exceed a budget waits for the next window when that is within {@code maxWait}, and
 * otherwise fails RETRYABLE without being sent.
 */
final class RequestBudget {
    private final String venue;
    private final Clock clock;
    private final Duration maxWait;
    private final Window weight;
    private final Window orders;
    private Instant pausedUntil = Instant.EPOCH;
    private boolean banned;

    RequestBudget(String venue, Clock clock, Duration maxWait, int weightLimit, Duration weightWindow,
                  int orderLimit, Duration orderWindow) {
        this.venue = venue;
        this.clock = clock;
        this.maxWait = maxWait;
        this.weight = new Window(weightLimit, weightWindow.toMillis());
        this.orders = new Window(orderLimit, orderWindow.toMillis());
    }

    /** Reserves {@code requestWeight} (and one order when {@code order}); waits or throws as the class says. */
    void acquire(int requestWeight, boolean order) {
        while (true) {
            long waitMillis;
            synchronized (this) {
                long now = clock.millis();
                if (now < pausedUntil.toEpochMilli()) {
                    throw notSent(venue + (banned ? " has banned this IP" : " asked to back off") + " until "
                            + pausedUntil + "; no request sent");
                }
                waitMillis = Math.max(weight.waitFor(now, requestWeight), order ? orders.waitFor(now, 1) : 0);
                if (waitMillis == 0) {
                    weight.take(now, requestWeight);
                    if (order) {
                        orders.take(now, 1);
                    }
                    return;
                }
            }
            if (waitMillis > maxWait.toMillis()) {
                throw notSent(venue + " request budget is spent for " + waitMillis + " ms more; no request sent");
            }
            sleep(waitMillis);
        }
    }

    /** The venue's own count of the current window's weight (it wins over ours: other clients share the IP). */
    synchronized void observeUsedWeight(int used) {
        weight.correct(clock.millis(), used);
    }

    /** HTTP 429: no call before Retry-After has passed. */
    synchronized void rateLimited(Duration retryAfter) {
        pause(retryAfter, false);
    }

    /** HTTP 418: the IP is banned; no call at all before the ban ends. */
    synchronized void banned(Duration retryAfter) {
        pause(retryAfter, true);
    }

    synchronized void useLimits(int weightLimit, int orderLimit) {
        weight.limit = weightLimit;
        orders.limit = orderLimit;
    }

    synchronized boolean isBanned() {
        return banned && clock.millis() < pausedUntil.toEpochMilli();
    }

    synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    synchronized int usedWeight() {
        return weight.used(clock.millis());
    }

    private void pause(Duration retryAfter, boolean ban) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            banned = ban;
        }
    }

    private static ExchangeException notSent(String message) {
        return new ExchangeException(ExchangeErrorClass.RETRYABLE, null, message, new RequestNotSent(message));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeException(ExchangeErrorClass.RETRYABLE, null, "interrupted while waiting for the request budget", e);
        }
    }

    /** A fixed window aligned to the epoch, as Binance counts (a minute window starts on the minute). */
    private static final class Window {
        private final long lengthMillis;
        private int limit;
        private long start;
        private int used;

        Window(int limit, long lengthMillis) {
            this.limit = limit;
            this.lengthMillis = lengthMillis;
        }

        long waitFor(long now, int amount) {
            roll(now);
            return used + amount <= limit ? 0 : start + lengthMillis - now;
        }

        void take(long now, int amount) {
            roll(now);
            used += amount;
        }

        void correct(long now, int venueCount) {
            roll(now);
            used = venueCount;
        }

        int used(long now) {
            roll(now);
            return used;
        }

        private void roll(long now) {
            long current = now - Math.floorMod(now, lengthMillis);
            if (current != start) {
                start = current;
                used = 0;
            }
        }
    }
}
