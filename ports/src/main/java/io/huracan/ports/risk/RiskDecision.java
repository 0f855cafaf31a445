package io.huracan.ports.risk;

/**
 * The outcome of a risk check. An approval carries the reservation handle the caller later reports fills,
 * cancels and rejects against; a reduction also names the binding limit and its utilisation after the order.
 */
public sealed interface RiskDecision {

    /** The quantity that may be sent; 0 for a rejection. */
    double quantity();

    /** Passed in full; the exposure is reserved under {@code reservation}. */
    record Approved(long reservation, double quantity) implements RiskDecision {
    }

    /**
     * Passed with a smaller quantity, reserved under {@code reservation}; {@code utilisation} is the binding
     * scope's used fraction of its limit after the order (or the rank share for {@link RiskReason#OPEN_TRADES_RANK}).
     */
    record Reduced(long reservation, double requestedQuantity, double quantity, RiskReason reason, RiskScope scope,
                   double utilisation) implements RiskDecision {
    }

    /** Refused; nothing was reserved. */
    record Rejected(RiskReason reason, RiskScope scope, double utilisation) implements RiskDecision {
        @Override
        public double quantity() {
            return 0;
        }
    }
}
