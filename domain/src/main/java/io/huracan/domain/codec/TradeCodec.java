package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.market.Trade;

import java.nio.ByteBuffer;

/** Type 2. v1: coin, exchange, timestamp, price, quantity, aggressor side. */
public final class TradeCodec implements PayloadCodec<Trade> {
    @Override
    public int typeId() {
        return 2;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<Trade> payloadType() {
        return Trade.class;
    }

    @Override
    public int maxBodyLength(Trade value) {
        return WireFormat.textLength(value.coin().symbol()) + 1 + 8 * 3 + 1;
    }

    @Override
    public void write(Trade value, ByteBuffer out) {
        WireFormat.putCoin(out, value.coin());
        WireFormat.putExchange(out, value.exchange());
        out.putLong(value.timestampMicros());
        out.putDouble(value.price());
        out.putDouble(value.quantity());
        WireFormat.putSide(out, value.aggressor());
    }

    @Override
    public Trade read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        return new Trade(WireFormat.getCoin(in), WireFormat.getExchange(in), in.getLong(), in.getDouble(),
                in.getDouble(), WireFormat.getSide(in));
    }
}
