package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Type 7. v1: client order id, coin, exchange, instrument kind, side, type, time in force, quantity and (flag,
 * price) as exact decimals, reduce-only flag.
 */
public final class OrderCodec implements PayloadCodec<Order> {
    private static final InstrumentKind[] KINDS = InstrumentKind.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    @Override
    public int typeId() {
        return 7;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<Order> payloadType() {
        return Order.class;
    }

    @Override
    public int maxBodyLength(Order value) {
        return WireFormat.textLength(value.clientOrderId().value()) + WireFormat.textLength(value.coin().symbol()) + 5
                + WireFormat.decimalLength(value.quantity().value()) + 1
                + value.limitPrice().map(price -> WireFormat.decimalLength(price.value())).orElse(0) + 1;
    }

    @Override
    public void write(Order value, ByteBuffer out) {
        WireFormat.putText(out, value.clientOrderId().value());
        WireFormat.putCoin(out, value.coin());
        WireFormat.putExchange(out, value.exchange());
        out.put((byte) value.instrument().ordinal());
        WireFormat.putSide(out, value.side());
        out.put((byte) value.type().ordinal());
        out.put((byte) value.timeInForce().ordinal());
        WireFormat.putDecimal(out, value.quantity().value());
        out.put((byte) (value.limitPrice().isPresent() ? 1 : 0));
        value.limitPrice().ifPresent(price -> WireFormat.putDecimal(out, price.value()));
        out.put((byte) (value.reduceOnly() ? 1 : 0));
    }

    @Override
    public Order read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        var id = new ClientOrderId(WireFormat.getText(in));
        var coin = WireFormat.getCoin(in);
        var exchange = WireFormat.getExchange(in);
        var kind = WireFormat.enumAt(KINDS, in.get(), "instrument kind");
        var side = WireFormat.getSide(in);
        var type = WireFormat.enumAt(TYPES, in.get(), "order type");
        var tif = WireFormat.enumAt(TIFS, in.get(), "time in force");
        var quantity = new Quantity(WireFormat.getDecimal(in));
        Optional<Price> price = in.get() != 0 ? Optional.of(new Price(WireFormat.getDecimal(in))) : Optional.empty();
        return new Order(id, coin, exchange, kind, side, type, tif, quantity, price, in.get() != 0);
    }
}
