package io.huracan.ports.exchange;

import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.market.Quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * An order's state after a change: acknowledged, (partly) filled, cancelled or rejected. {@code lastFill} is the
 * execution that caused this report, if one did; {@code filledQuantity} and {@code filledNotional} are cumulative;
 * {@code rejectReason} is present exactly when the status is {@code REJECTED}. Timestamp in epoch microseconds.
 */
public record ExecutionReport(
        Order order,
        String exchangeOrderId,
        OrderStatus status,
        Quantity filledQuantity,
        BigDecimal filledNotional,
        Optional<Fill> lastFill,
        Optional<RejectReason> rejectReason,
        long timestampMicros) {

    public ExecutionReport {
        if (order == null || exchangeOrderId == null || status == null || filledQuantity == null
                || filledNotional == null || lastFill == null || rejectReason == null) {
            throw new IllegalArgumentException("an execution report needs every field; use Optional.empty() for none");
        }
        if ((status == OrderStatus.REJECTED) != rejectReason.isPresent()) {
            throw new IllegalArgumentException("execution report of " + order.clientOrderId() + " status " + status
                    + " with reject reason " + rejectReason + " is invalid; a reason goes with REJECTED only");
        }
        if (filledQuantity.compareTo(order.quantity()) > 0) {
            throw new IllegalArgumentException("execution report of " + order.clientOrderId() + " filled "
                    + filledQuantity + " is more than the order's " + order.quantity());
        }
    }

    public ClientOrderId clientOrderId() {
        return order.clientOrderId();
    }

    /** The part of the order still working (zero once the order is terminal). */
    public Quantity remainingQuantity() {
        return status.isTerminal() ? Quantity.ZERO
                : new Quantity(order.quantity().value().subtract(filledQuantity.value()));
    }

    /** The volume-weighted average fill price, or empty before the first fill. */
    public Optional<BigDecimal> averagePrice() {
        return filledQuantity.isZero() ? Optional.empty()
                : Optional.of(filledNotional.divide(filledQuantity.value(), MathContext.DECIMAL64).stripTrailingZeros());
    }
}
