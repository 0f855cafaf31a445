package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;

import java.nio.ByteBuffer;

/**
 * Type 6. v1: trade id, client order id, coin, exchange, side, price, quantity and fee as exact decimals, maker
 * flag, timestamp.
 */
public final class FillCodec implements PayloadCodec<Fill> {
    @Override
    public int typeId() {
        return 6;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<Fill> payloadType() {
        return Fill.class;
    }

    @Override
    public int maxBodyLength(Fill value) {
        return WireFormat.textLength(value.tradeId()) + WireFormat.textLength(value.clientOrderId().value())
                + WireFormat.textLength(value.coin().symbol()) + 2 + WireFormat.decimalLength(value.price().value())
                + WireFormat.decimalLength(value.quantity().value()) + WireFormat.decimalLength(value.feeQuote())
                + 1 + 8;
    }

    @Override
    public void write(Fill value, ByteBuffer out) {
        WireFormat.putText(out, value.tradeId());
        WireFormat.putText(out, value.clientOrderId().value());
        WireFormat.putCoin(out, value.coin());
        WireFormat.putExchange(out, value.exchange());
        WireFormat.putSide(out, value.side());
        WireFormat.putDecimal(out, value.price().value());
        WireFormat.putDecimal(out, value.quantity().value());
        WireFormat.putDecimal(out, value.feeQuote());
        out.put((byte) (value.maker() ? 1 : 0));
        out.putLong(value.timestampMicros());
    }

    @Override
    public Fill read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        return new Fill(WireFormat.getText(in), new ClientOrderId(WireFormat.getText(in)), WireFormat.getCoin(in),
                WireFormat.getExchange(in), WireFormat.getSide(in), new Price(WireFormat.getDecimal(in)),
                new Quantity(WireFormat.getDecimal(in)), WireFormat.getDecimal(in), in.get() != 0, in.getLong());
    }
}
