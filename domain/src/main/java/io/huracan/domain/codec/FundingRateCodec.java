package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.market.FundingRate;

import java.nio.ByteBuffer;

/** Type 3. v1: coin, exchange, timestamp, rate, next funding time, interval. */
public final class FundingRateCodec implements PayloadCodec<FundingRate> {
    @Override
    public int typeId() {
        return 3;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<FundingRate> payloadType() {
        return FundingRate.class;
    }

    @Override
    public int maxBodyLength(FundingRate value) {
        return WireFormat.textLength(value.coin().symbol()) + 1 + 8 * 4;
    }

    @Override
    public void write(FundingRate value, ByteBuffer out) {
        WireFormat.putCoin(out, value.coin());
        WireFormat.putExchange(out, value.exchange());
        out.putLong(value.timestampMicros());
        out.putDouble(value.rate());
        out.putLong(value.nextFundingMicros());
        out.putLong(value.intervalMicros());
    }

    @Override
    public FundingRate read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        return new FundingRate(WireFormat.getCoin(in), WireFormat.getExchange(in), in.getLong(), in.getDouble(),
                in.getLong(), in.getLong());
    }
}
