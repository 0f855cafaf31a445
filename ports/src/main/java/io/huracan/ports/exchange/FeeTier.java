package io.huracan.ports.exchange;

/**
 * The account's fees on a venue in basis points of notional, any discount already applied. A negative maker fee
 * is a rebate.
 */
public record FeeTier(String tier, double makerBps, double takerBps) {
    public FeeTier {
        if (tier == null || tier.isBlank()) {
            throw new IllegalArgumentException("a fee tier needs a name");
        }
        if (!(makerBps >= -10 && makerBps <= 100) || !(takerBps >= 0 && takerBps <= 100)) {
            throw new IllegalArgumentException("fee tier " + tier + " maker " + makerBps + " bps taker " + takerBps
                    + " bps is invalid; allowed: maker in [-10, 100], taker in [0, 100]");
        }
    }

    public double bps(boolean maker) {
        return maker ? makerBps : takerBps;
    }
}
