package io.huracan.domain.risk;

/**
 * The soft-throttle formula shared by every exposure limit (see docs/risk.md).
 *
 * <p>With limit {@code L}, soft ratio {@code r}, exposure already used {@code u} and a requested amount
 * {@code q}, the allowed amount is
 * <pre>  a = min(q, q * (L - u) / ((1 - r) * L + q))</pre>
 * Equivalently, with {@code x = u + a} the exposure after the order, {@code a = q * (L - x) / ((1 - r) * L)}:
 * the approved fraction of the order equals the headroom left after it, in widths of the soft band. An order
 * that stays at or below {@code r * L} passes whole; above that the fraction shrinks linearly to zero as the
 * scope approaches 100%, and {@code a < L - u} always, so no order alone reaches the limit. With {@code r = 1}
 * the formula is the plain hard limit {@code min(q, L - u)}.
 */
final class SoftThrottle {
    private SoftThrottle() {
    }

    static double allowed(double requested, double used, double limit, double softRatio) {
        double headroom = limit - used;
        if (headroom <= 0) {
            return 0;
        }
        return Math.min(requested, requested * headroom / ((1 - softRatio) * limit + requested));
    }
}
