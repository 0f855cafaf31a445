package io.huracan.adapter.paper;

import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An order inside the paper venue, in whole ticks and lots. {@code reservePerLot} is the quote cash (or, for a
 * spot sell, the base lots) held back for each unfilled lot, so a fill releases exactly its share.
 */
final class PaperOrder {
    final Order order;
    final String exchangeOrderId;
    final VenueBook book;
    final long quantityLots;
    /** The limit in ticks; a market order carries its price-protection limit. */
    final long limitTicks;
    final BigDecimal reservePerLot;
    final long dueMicros;

    OrderStatus status = OrderStatus.NEW;
    long filledLots;
    BigDecimal filledNotional = BigDecimal.ZERO;
    ExecutionReport lastReport;

    PaperOrder(Order order, String exchangeOrderId, VenueBook book, long quantityLots, long limitTicks,
               BigDecimal reservePerLot, long dueMicros) {
        this.order = order;
        this.exchangeOrderId = exchangeOrderId;
        this.book = book;
        this.quantityLots = quantityLots;
        this.limitTicks = limitTicks;
        this.reservePerLot = reservePerLot;
        this.dueMicros = dueMicros;
    }

    long remainingLots() {
        return quantityLots - filledLots;
    }

    boolean takesOnly() {
        return order.type() == OrderType.MARKET || order.timeInForce() == TimeInForce.IOC;
    }

    boolean postOnly() {
        return order.timeInForce() == TimeInForce.POST_ONLY;
    }

    /** Whether a price in ticks is at or inside this order's limit. */
    boolean accepts(long priceTicks) {
        return order.side() == Side.BUY ? priceTicks <= limitTicks : priceTicks >= limitTicks;
    }

    ExecutionReport report(Optional<Fill> fill, Optional<RejectReason> reason, long timestampMicros) {
        lastReport = new ExecutionReport(order, exchangeOrderId, status,
                new Quantity(book.lots.toDecimal(filledLots)), filledNotional, fill, reason, timestampMicros);
        return lastReport;
    }
}
