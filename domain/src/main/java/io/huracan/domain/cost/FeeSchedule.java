package io.huracan.domain.cost;

import static io.huracan.ports.config.ConfigChecks.inClosedRange;
import static io.huracan.ports.config.ConfigChecks.notBlank;

/**
 * Fees of one exchange account in basis points of notional. A negative maker fee is a rebate. {@code discount}
 * is a rate taken off both (0.25 = a quarter off, as with a fee-token discount).
 */
public record FeeSchedule(String tier, double makerBps, double takerBps, double discount) {
    public FeeSchedule {
        notBlank("tier", tier);
        inClosedRange("maker_bps", makerBps, -10, 100);
        inClosedRange("taker_bps", takerBps, 0, 100);
        inClosedRange("discount", discount, 0, 1);
    }
}
