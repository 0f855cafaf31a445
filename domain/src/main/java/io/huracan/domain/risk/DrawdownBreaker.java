package io.huracan.domain.risk;

import io.huracan.ports.risk.RiskReason;

/**
 * A drawdown breaker for one scope, measured from the peak (never from the start): the peak of the current UTC
 * day for the intraday threshold, and the peak over the rolling window for the rolling one. The rolling peak
 * is kept in {@value #BUCKETS} time buckets of {@code window / BUCKETS} each, so its resolution is that bucket.
 *
 * <p>Drawdown is {@code (peak - value) / scale}: for the global breaker the value is equity and the scale its
 * own peak; for a coin the value is the coin's P&amp;L and the scale the account's equity peak, so a coin
 * threshold of 0.05 trips when that coin has given back 5% of the account from its own best.
 *
 * <p>Updates are serialised by the caller (the coin's lock, or the global breaker's); {@link #isTripped} is a
 * single volatile read for the check path. After a trip the scope stays reduce-only until the cool-down ends
 * or a manual reset; either re-arms the breaker with its peaks rebased to the current value.
 */
final class DrawdownBreaker {
    static final int BUCKETS = 256;
    private static final long DAY_MICROS = 86_400_000_000L;

    private final boolean scaleIsOwnPeak;
    private final long[] bucketId = new long[BUCKETS];
    private final double[] bucketPeak = new double[BUCKETS];
    private volatile long trippedUntilMicros;
    private boolean tripped;
    private boolean started;
    private long day;
    private double intradayPeak;
    private long windowMicros;
    private long bucketMicros;
    private long lastBucket;
    private double rollingPeak;
    private double lastUtilisation;

    DrawdownBreaker(boolean scaleIsOwnPeak) {
        this.scaleIsOwnPeak = scaleIsOwnPeak;
    }

    boolean isTripped(long nowMicros) {
        return nowMicros < trippedUntilMicros;
    }

    /** Drawdown over the threshold that tripped (or last evaluated), for the event's utilisation. */
    double lastUtilisation() {
        return lastUtilisation;
    }

    /**
     * Records {@code value} at {@code now}; returns the reason if this update tripped the breaker
     * ({@link RiskReason#INTRADAY_DRAWDOWN}, {@link RiskReason#ROLLING_DRAWDOWN}) or re-armed it after its
     * cool-down ({@link RiskReason#COOL_DOWN_ENDED}), otherwise null.
     */
    RiskReason update(long now, double value, double scale, DrawdownLimit limit, long coolDownMicros) {
        long window = limit.rollingWindow().toNanos() / 1000;
        if (!started || window != windowMicros) {
            windowMicros = window;
            bucketMicros = Math.max(1, window / BUCKETS);
            rebase(now, value);
            started = true;
        }
        if (tripped && now >= trippedUntilMicros) {
            rebase(now, value);
            tripped = false;
            return RiskReason.COOL_DOWN_ENDED;
        }
        record(now, value);
        if (tripped) {
            return null;
        }
        double intraday = drawdown(intradayPeak, value, scale);
        double rolling = drawdown(rollingPeak, value, scale);
        if (intraday >= limit.intraday()) {
            return trip(now, coolDownMicros, intraday / limit.intraday(), RiskReason.INTRADAY_DRAWDOWN);
        }
        if (rolling >= limit.rolling()) {
            return trip(now, coolDownMicros, rolling / limit.rolling(), RiskReason.ROLLING_DRAWDOWN);
        }
        return null;
    }

    /** Manual reset: re-arms at once with the peaks rebased to {@code value}. */
    void reset(long now, double value) {
        tripped = false;
        trippedUntilMicros = 0;
        if (started) {
            rebase(now, value);
        }
    }

    private RiskReason trip(long now, long coolDownMicros, double utilisation, RiskReason reason) {
        tripped = true;
        lastUtilisation = utilisation;
        trippedUntilMicros = now + coolDownMicros;
        return reason;
    }

    private double drawdown(double peak, double value, double scale) {
        double base = scaleIsOwnPeak ? peak : scale;
        return base > 0 ? (peak - value) / base : 0;
    }

    private void record(long now, double value) {
        long today = Math.floorDiv(now, DAY_MICROS);
        if (today != day) {
            day = today;
            intradayPeak = value;
        } else if (value > intradayPeak) {
            intradayPeak = value;
        }
        long bucket = Math.floorDiv(now, bucketMicros);
        int index = (int) Math.floorMod(bucket, (long) BUCKETS);
        if (bucketId[index] != bucket) {
            bucketId[index] = bucket;
            bucketPeak[index] = value;
        } else if (value > bucketPeak[index]) {
            bucketPeak[index] = value;
        }
        if (bucket != lastBucket) {
            lastBucket = bucket;
            rollingPeak = value;
            for (int i = 0; i < BUCKETS; i++) {
                if (bucketId[i] > bucket - BUCKETS && bucketPeak[i] > rollingPeak) {
                    rollingPeak = bucketPeak[i];
                }
            }
        } else if (value > rollingPeak) {
            rollingPeak = value;
        }
    }

    private void rebase(long now, double value) {
        java.util.Arrays.fill(bucketId, Long.MIN_VALUE);
        day = Math.floorDiv(now, DAY_MICROS);
        intradayPeak = value;
        lastBucket = Long.MIN_VALUE;
        record(now, value);
        lastUtilisation = 0;
    }
}
