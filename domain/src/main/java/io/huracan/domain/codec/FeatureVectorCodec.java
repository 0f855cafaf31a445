package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.bus.PayloadFormatException;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;

import java.nio.ByteBuffer;

/**
 * Type 4. v1: coin, timestamp, a count byte, then that many doubles in {@link Feature} order. A vector written with
 * fewer features (an older engine) is read with the missing, newer features set to 0; more than this engine knows
 * is an error.
 */
public final class FeatureVectorCodec implements PayloadCodec<FeatureVector> {
    @Override
    public int typeId() {
        return 4;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<FeatureVector> payloadType() {
        return FeatureVector.class;
    }

    @Override
    public int maxBodyLength(FeatureVector value) {
        return WireFormat.textLength(value.coin().symbol()) + 8 + 1 + 8 * Feature.COUNT;
    }

    @Override
    public void write(FeatureVector value, ByteBuffer out) {
        WireFormat.putCoin(out, value.coin());
        out.putLong(value.timestampMicros());
        out.put((byte) Feature.COUNT);
        for (Feature feature : Feature.values()) {
            out.putDouble(value.get(feature));
        }
    }

    @Override
    public FeatureVector read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        var coin = WireFormat.getCoin(in);
        long timestamp = in.getLong();
        int count = Byte.toUnsignedInt(in.get());
        if (count > Feature.COUNT) {
            throw new PayloadFormatException("feature vector of " + count + " features is unknown; this engine knows "
                    + Feature.COUNT);
        }
        double[] values = new double[Feature.COUNT];
        for (int i = 0; i < count; i++) {
            values[i] = in.getDouble();
        }
        return new FeatureVector(coin, timestamp, values);
    }
}
