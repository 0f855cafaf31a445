package io.huracan.adapter.xchange;

/**
 * One documented rate limit: at most {@code limit} permits per window. {@link Counting#FIXED} windows start on
 * multiples of their length since the epoch (Binance counts its minute from the minute); {@link Counting#SLIDING}
 * windows hold in every interval of that length whatever the venue's alignment (OKX's "60 requests per 2 seconds",
 * Bybit's rolling second), by remembering when each permit was taken. The venue's own count, when it sends one,
 * corrects ours: it also sees other clients of the same key or IP. Not thread-safe: {@link RequestBudget} guards it.
 */
final class RateWindow {
    enum Counting {
        FIXED,
        SLIDING
    }

    private final String name;
    private final long lengthMillis;
    private final Counting counting;
    private int limit;
    // FIXED: the current window and its count
    private long start;
    private int used;
    // SLIDING: when each permit of the last window was taken, oldest first, in a ring
    private long[] taken;
    private int head;
    private int size;
    // what the venue last said it has left for us, until when
    private int venueRemaining = -1;
    private long venueUntil;

    RateWindow(String name, int limit, long lengthMillis, Counting counting) {
        if (limit < 1 || lengthMillis < 1) {
            throw new IllegalArgumentException("rate window " + name + " limit " + limit + " per " + lengthMillis
                    + " ms is invalid; allowed: limit >= 1, length >= 1 ms");
        }
        this.name = name;
        this.limit = limit;
        this.lengthMillis = lengthMillis;
        this.counting = counting;
        this.taken = counting == Counting.SLIDING ? new long[limit] : null;
    }

    String name() {
        return name;
    }

    int limit() {
        return limit;
    }

    /** Milliseconds until {@code permits} more fit, 0 when they fit now. */
    long waitFor(long now, int permits) {
        expire(now);
        long wait = 0;
        if (counting == Counting.FIXED) {
            if (used + permits > limit) {
                wait = start + lengthMillis - now;
            }
        } else if (permits > limit) {
            wait = lengthMillis;
        } else if (size + permits > limit) {
            wait = oldest(size + permits - limit - 1) + lengthMillis - now;
        }
        if (venueRemaining >= 0 && permits > venueRemaining) {
            wait = Math.max(wait, venueUntil - now);
        }
        return Math.max(wait, 0);
    }

    void take(long now, int permits) {
        expire(now);
        if (counting == Counting.FIXED) {
            used += permits;
        } else {
            for (int i = 0; i < permits && size < taken.length; i++) {
                taken[(head + size++) % taken.length] = now;
            }
        }
        if (venueRemaining >= 0) {
            venueRemaining = Math.max(0, venueRemaining - permits);
        }
    }

    /** The venue's count of the current fixed window (Binance X-MBX-USED-WEIGHT-1M): it replaces ours. */
    void venueCounted(long now, int venueUsed) {
        expire(now);
        used = venueUsed;
    }

    /**
     * The venue's remaining permits until {@code untilMillis} (Bybit X-Bapi-Limit-Status and -Reset-Timestamp), and
     * its limit for us ({@code venueLimit}, 0 when not sent). Held for one window from now, or until the venue's
     * reset when later, but never beyond two windows: a reset time in the past only means the venue has not
     * throttled us yet, and one far ahead is the two clocks disagreeing, not a longer window.
     */
    void venueRemaining(long now, int remaining, int venueLimit, long untilMillis) {
        expire(now);
        if (venueLimit > 0 && venueLimit != limit) {
            resize(venueLimit);
        }
        venueRemaining = Math.max(0, remaining);
        venueUntil = Math.min(Math.max(untilMillis, now + lengthMillis), now + 2 * lengthMillis);
    }

    /** Permits counted in the current window (the venue's view when it is stricter than ours). */
    int used(long now) {
        expire(now);
        int ours = counting == Counting.FIXED ? used : size;
        return venueRemaining >= 0 ? Math.max(ours, limit - venueRemaining) : ours;
    }

    /** The share of the window still free, in [0, 1]. */
    double headroom(long now) {
        return Math.max(0, limit - used(now)) / (double) limit;
    }

    /** A limit the venue announced (Binance exchangeInfo.rateLimits, Bybit X-Bapi-Limit). */
    void resize(int newLimit) {
        if (newLimit < 1 || newLimit == limit) {
            return;
        }
        if (counting == Counting.SLIDING) {
            long[] resized = new long[newLimit];
            int keep = Math.min(size, newLimit);
            for (int i = 0; i < keep; i++) {
                resized[i] = oldest(size - keep + i);
            }
            taken = resized;
            head = 0;
            size = keep;
        }
        limit = newLimit;
    }

    private long oldest(int index) {
        return taken[(head + index) % taken.length];
    }

    private void expire(long now) {
        if (counting == Counting.FIXED) {
            long current = now - Math.floorMod(now, lengthMillis);
            if (current != start) {
                start = current;
                used = 0;
            }
        } else {
            while (size > 0 && taken[head] <= now - lengthMillis) {
                head = (head + 1) % taken.length;
                size--;
            }
        }
        if (venueRemaining >= 0 && now >= venueUntil) {
            venueRemaining = -1;
        }
    }
}
