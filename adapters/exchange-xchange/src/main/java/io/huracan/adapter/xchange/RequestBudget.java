package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A venue's rate limits as the venue counts them: a set of named {@link RateWindow}s (Binance: request weight per
 * minute and orders per 10 s; OKX: each endpoint per 2 s, orders per instrument; Bybit: each endpoint per second and
 * the IP's 600 per 5 s), each call charging the windows its endpoint counts against. Paused after a 429 for its
 * Retry-After and closed entirely after a ban until it ends. A call that would exceed a window waits for it when that
 * is within {@code maxWait}, and otherwise fails RETRYABLE without being sent.
 */
final class RequestBudget {
    /** A number of permits taken from one window. */
    record Charge(RateWindow window, int permits) {
    }

    private final String venue;
    private final Clock clock;
    private final Duration maxWait;
    private final double scale;
    private final Map<String, RateWindow> windows = new ConcurrentHashMap<>();
    private Instant pausedUntil = Instant.EPOCH;
    private boolean banned;

    /** {@code scale} multiplies the documented limits windows are created with (not the limits a venue announces). */
    RequestBudget(String venue, Clock clock, Duration maxWait, double scale) {
        this.venue = venue;
        this.clock = clock;
        this.maxWait = maxWait;
        this.scale = scale;
    }

    /** The window called {@code name}, created with this documented limit (scaled) the first time it is asked for. */
    RateWindow window(String name, int limit, Duration length, RateWindow.Counting counting) {
        return windows.computeIfAbsent(name, n -> new RateWindow(n, (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2,
                Math.round(limit * scale))), length.toMillis(), counting));
    }

    /** The window called {@code name} if a call has used it. */
    Optional<RateWindow> existing(String name) {
        return Optional.ofNullable(windows.get(name));
    }

    /** Takes every charge at once, or none: waits or throws as the class says. */
    void acquire(List<Charge> charges) {
        while (true) {
            long waitMillis = 0;
            String spent = null;
            synchronized (this) {
                long now = clock.millis();
                if (now < pausedUntil.toEpochMilli()) {
                    throw notSent(venue + (banned ? " has banned this IP" : " asked to back off") + " until "
                            + pausedUntil + "; no request sent");
                }
                for (Charge charge : charges) {
                    if (charge.permits() > charge.window().limit()) {
                        throw notSent(venue + " " + charge.window().name() + " allows " + charge.window().limit()
                                + " per window, the request needs " + charge.permits() + "; no request sent");
                    }
                    long wait = charge.window().waitFor(now, charge.permits());
                    if (wait > waitMillis) {
                        waitMillis = wait;
                        spent = charge.window().name();
                    }
                }
                if (waitMillis == 0) {
                    for (Charge charge : charges) {
                        charge.window().take(now, charge.permits());
                    }
                    return;
                }
            }
            if (waitMillis > maxWait.toMillis()) {
                throw notSent(venue + " request budget is spent (" + spent + ") for " + waitMillis
                        + " ms more; no request sent");
            }
            sleep(waitMillis);
        }
    }

    /** The venue's count of a fixed window (it wins over ours: other clients share the key or IP). */
    synchronized void venueCounted(RateWindow window, int used) {
        window.venueCounted(clock.millis(), used);
    }

    /** What the venue says is left of a window until when (Bybit's X-Bapi-Limit-* headers). */
    synchronized void venueRemaining(RateWindow window, int remaining, int limit, long untilMillis) {
        window.venueRemaining(clock.millis(), remaining, limit, untilMillis);
    }

    /** A limit the venue announced for a window. */
    synchronized void resize(RateWindow window, int limit) {
        window.resize(limit);
    }

    /** HTTP 429 (or the venue's rate-limit code): no call before Retry-After has passed. */
    synchronized void rateLimited(Duration retryAfter) {
        pause(retryAfter, false);
    }

    /** The IP is banned (Binance 418, Bybit 403): no call at all before the ban ends. */
    synchronized void banned(Duration retryAfter) {
        pause(retryAfter, true);
    }

    synchronized boolean isBanned() {
        return banned && clock.millis() < pausedUntil.toEpochMilli();
    }

    synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    /** Permits used in the window called {@code name} now (0 for a window never used). */
    synchronized int used(String name) {
        RateWindow window = windows.get(name);
        return window == null ? 0 : window.used(clock.millis());
    }

    /** The share left of the most used window, in [0, 1]; 0 while paused or banned. */
    synchronized double headroom() {
        long now = clock.millis();
        if (now < pausedUntil.toEpochMilli()) {
            return 0;
        }
        double least = 1;
        for (RateWindow window : windows.values()) {
            least = Math.min(least, window.headroom(now));
        }
        return least;
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
}
