package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.order.Order;

import java.math.BigDecimal;
import java.util.Optional;

/** The instrument's trading rules, checked before an order leaves the process; a breach is a clear reject. */
final class OrderRules {
    private OrderRules() {
    }

    record Breach(RejectReason reason, String message) {
    }

    static Optional<Breach> check(Order order, Instrument instrument, BigDecimal referencePrice) {
        BigDecimal quantity = order.quantity().value();
        if (order.limitPrice().isPresent() && !instrument.onTick(order.limitPrice().get().value())) {
            return Optional.of(new Breach(RejectReason.TICK_SIZE, "order " + order.clientOrderId() + " price "
                    + order.limitPrice().get() + " is not a multiple of the tick size " + instrument.tickSize().toPlainString()));
        }
        if (!instrument.onLot(quantity)) {
            return Optional.of(new Breach(RejectReason.LOT_SIZE, "order " + order.clientOrderId() + " quantity "
                    + order.quantity() + " is not a multiple of the lot size " + instrument.lotSize().toPlainString()));
        }
        BigDecimal price = order.limitPrice().map(p -> p.value()).orElse(referencePrice);
        if (price != null && price.multiply(quantity).compareTo(instrument.minNotional()) < 0) {
            return Optional.of(new Breach(RejectReason.MIN_NOTIONAL, "order " + order.clientOrderId() + " notional "
                    + price.multiply(quantity).stripTrailingZeros().toPlainString() + " is below the minimum notional "
                    + instrument.minNotional().toPlainString() + " " + instrument.quoteCurrency()));
        }
        return Optional.empty();
    }
}
