package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.market.BookTop;

import java.nio.ByteBuffer;

/** Type 1. v1: coin, exchange, timestamp, bid price, bid size, ask price, ask size. */
public final class BookTopCodec implements PayloadCodec<BookTop> {
    @Override
    public int typeId() {
        return 1;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<BookTop> payloadType() {
        return BookTop.class;
    }

    @Override
    public int maxBodyLength(BookTop value) {
        return WireFormat.textLength(value.coin().symbol()) + 1 + 8 * 5;
    }

    @Override
    public void write(BookTop value, ByteBuffer out) {
        WireFormat.putCoin(out, value.coin());
        WireFormat.putExchange(out, value.exchange());
        out.putLong(value.timestampMicros());
        out.putDouble(value.bidPrice());
        out.putDouble(value.bidQuantity());
        out.putDouble(value.askPrice());
        out.putDouble(value.askQuantity());
    }

    @Override
    public BookTop read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        return new BookTop(WireFormat.getCoin(in), WireFormat.getExchange(in), in.getLong(), in.getDouble(),
                in.getDouble(), in.getDouble(), in.getDouble());
    }
}
