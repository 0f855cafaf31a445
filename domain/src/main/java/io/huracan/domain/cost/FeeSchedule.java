package io.huracan.domain.cost;

import static io.huracan.ports.config.ConfigChecks.inClosedRange;
import static io.huracan.ports.config.ConfigChecks.notBlank;

/**
 * Fees of one exchange account in basis points of notional. A negative maker fee is a rebate. {@code discount}
 * is a rate taken off what is paid (0.25 = a quarter off, as with a fee-token discount); it never shrinks a
 * rebate, because venues discount fees charged, not rebates granted.
 */
public record FeeSchedule(String tier, double makerBps, double takerBps, double discount) {
    public FeeSchedule {
        notBlank("tier", tier);
        inClosedRange("maker_bps", makerBps, -10, 100);
        inClosedRange("taker_bps", takerBps, 0, 100);
        inClosedRange("discount", discount, 0, 1);
    }

    /** The maker fee after the discount, in bps; negative for a rebate. */
    public double effectiveMakerBps() {
        return discounted(makerBps);
    }

    /** The taker fee after the discount, in bps. */
    public double effectiveTakerBps() {
        return discounted(takerBps);
    }

    /** The fee after the discount for one leg: maker when the order rests, taker when it crosses. */
    public double effectiveBps(boolean maker) {
        return maker ? effectiveMakerBps() : effectiveTakerBps();
    }

    private double discounted(double bps) {
        return bps > 0 ? bps * (1 - discount) : bps;
    }
}
