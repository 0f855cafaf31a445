package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.order.OrderIntent;

import java.nio.ByteBuffer;

/** Type 5. v1: coin, exchange, side, quantity, price, reduce-only flag, edge after cost. */
public final class OrderIntentCodec implements PayloadCodec<OrderIntent> {
    @Override
    public int typeId() {
        return 5;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<OrderIntent> payloadType() {
        return OrderIntent.class;
    }

    @Override
    public int maxBodyLength(OrderIntent value) {
        return WireFormat.textLength(value.coin().symbol()) + 1 + 1 + 8 * 3 + 1;
    }

    @Override
    public void write(OrderIntent value, ByteBuffer out) {
        WireFormat.putCoin(out, value.coin());
        WireFormat.putExchange(out, value.exchange());
        WireFormat.putSide(out, value.side());
        out.putDouble(value.quantity());
        out.putDouble(value.price());
        out.put((byte) (value.reduceOnly() ? 1 : 0));
        out.putDouble(value.edgeAfterCostBps());
    }

    @Override
    public OrderIntent read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        return new OrderIntent(WireFormat.getCoin(in), WireFormat.getExchange(in), WireFormat.getSide(in),
                in.getDouble(), in.getDouble(), in.get() != 0, in.getDouble());
    }
}
