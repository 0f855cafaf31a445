package io.huracan.domain.risk;

import io.huracan.ports.market.Side;
import io.huracan.ports.order.OrderIntent;
import io.huracan.ports.risk.RiskDecision;
import io.huracan.ports.risk.RiskEvent;
import io.huracan.ports.risk.RiskEventType;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.RiskScope;

import java.util.Optional;

/**
 * A caller-owned, reusable result of {@link RiskController#check}: the hot path fills it in place so a check
 * allocates nothing. {@link #toDecision} builds the immutable {@link RiskDecision} for code off the hot path.
 * Not thread-safe: one per calling thread.
 */
public final class RiskVerdict {
    public enum Outcome { APPROVED, REDUCED, REJECTED }

    Outcome outcome;
    long reservation;
    double approvedQuantity;
    RiskReason reason;
    RiskScope.Kind scopeKind;
    int scopeIndex;
    double utilisation;
    int coin;
    int exchange;
    Side side;
    double requestedQuantity;
    double price;
    boolean reduceOnly;
    double edgeBps;
    /** Scratch of the check: the fraction of the order the binding scope allows. */
    double sizing;

    void begin(int coinIndex, int exchangeIndex, Side orderSide, double quantity, double atPrice, boolean reduce,
               double edge) {
        coin = coinIndex;
        exchange = exchangeIndex;
        side = orderSide;
        requestedQuantity = quantity;
        price = atPrice;
        reduceOnly = reduce;
        edgeBps = edge;
        reason = null;
        scopeKind = null;
        utilisation = 0;
    }

    void approve(long handle, double quantity) {
        outcome = Outcome.APPROVED;
        reservation = handle;
        approvedQuantity = quantity;
    }

    void reduce(long handle, double quantity, RiskReason why, RiskScope.Kind kind, int index, double used) {
        outcome = Outcome.REDUCED;
        reservation = handle;
        approvedQuantity = quantity;
        reason = why;
        scopeKind = kind;
        scopeIndex = index;
        utilisation = used;
    }

    void reject(RiskReason why, RiskScope.Kind kind, int index, double used) {
        outcome = Outcome.REJECTED;
        reservation = ReservationPool.NONE;
        approvedQuantity = 0;
        reason = why;
        scopeKind = kind;
        scopeIndex = index;
        utilisation = used;
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean passed() {
        return outcome != Outcome.REJECTED;
    }

    /** The handle to report fills, cancels and rejects against; 0 when rejected. */
    public long reservation() {
        return reservation;
    }

    public double approvedQuantity() {
        return approvedQuantity;
    }

    public double requestedQuantity() {
        return requestedQuantity;
    }

    /** Why the intent was reduced or rejected; null for a plain approval. */
    public RiskReason reason() {
        return reason;
    }

    public double utilisation() {
        return utilisation;
    }

    public RiskScope scope(RiskUniverse universe) {
        if (scopeKind == null) {
            return null;
        }
        return switch (scopeKind) {
            case COIN -> new RiskScope(RiskScope.Kind.COIN, universe.coin(scopeIndex).symbol());
            case SECTOR -> new RiskScope(RiskScope.Kind.SECTOR, universe.sector(scopeIndex).name());
            case EXCHANGE -> new RiskScope(RiskScope.Kind.EXCHANGE, RiskUniverse.exchange(scopeIndex).key());
            case GLOBAL -> RiskScope.GLOBAL;
        };
    }

    public RiskDecision toDecision(RiskUniverse universe) {
        return switch (outcome) {
            case APPROVED -> new RiskDecision.Approved(reservation, approvedQuantity);
            case REDUCED -> new RiskDecision.Reduced(reservation, requestedQuantity, approvedQuantity, reason,
                    scope(universe), utilisation);
            case REJECTED -> new RiskDecision.Rejected(reason, scope(universe), utilisation);
        };
    }

    RiskEvent toEvent(RiskUniverse universe, long epochMicros) {
        Optional<OrderIntent> intent = validIntent()
                ? Optional.of(new OrderIntent(universe.coin(coin), RiskUniverse.exchange(exchange), side,
                        requestedQuantity, price, reduceOnly, edgeBps))
                : Optional.empty();
        RiskEventType type = outcome == Outcome.REDUCED ? RiskEventType.REDUCED : RiskEventType.REJECTED;
        return new RiskEvent(epochMicros, type, reason, scope(universe), utilisation, intent, approvedQuantity);
    }

    private boolean validIntent() {
        return requestedQuantity > 0 && price > 0 && side != null;
    }
}
