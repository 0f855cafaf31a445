package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.bus.PayloadFormatException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Encodes and decodes the engine's bus payloads: a header of two bytes (type id, version) and the codec's body.
 * Unknown types and versions, and truncated or over-long bytes, are {@link PayloadFormatException}s naming what
 * was found and what is known. Thread-safe and immutable.
 */
public final class EnginePayloads {
    private final PayloadCodec<?>[] byTypeId = new PayloadCodec<?>[256];
    private final Map<Class<?>, PayloadCodec<?>> byClass = new HashMap<>();

    public EnginePayloads(List<PayloadCodec<?>> codecs) {
        for (PayloadCodec<?> codec : codecs) {
            if (codec.typeId() < 1 || codec.typeId() > 255 || codec.version() < 1 || codec.version() > 255) {
                throw new IllegalArgumentException("codec " + codec.payloadType().getSimpleName() + " type "
                        + codec.typeId() + " version " + codec.version() + " is invalid; allowed: 1-255 each");
            }
            if (byTypeId[codec.typeId()] != null) {
                throw new IllegalArgumentException("payload type id " + codec.typeId() + " is used twice, by "
                        + byTypeId[codec.typeId()].payloadType().getSimpleName() + " and "
                        + codec.payloadType().getSimpleName());
            }
            byTypeId[codec.typeId()] = codec;
            byClass.put(codec.payloadType(), codec);
        }
    }

    /** BookTop, Trade, FundingRate, FeatureVector, OrderIntent, Fill, Order and RiskEvent. */
    public static EnginePayloads standard() {
        return new EnginePayloads(List.of(new BookTopCodec(), new TradeCodec(), new FundingRateCodec(),
                new FeatureVectorCodec(), new OrderIntentCodec(), new FillCodec(), new OrderCodec(),
                new RiskEventCodec()));
    }

    public byte[] encode(Object payload) {
        PayloadCodec<Object> codec = codecFor(payload.getClass());
        var out = ByteBuffer.allocate(2 + codec.maxBodyLength(payload));
        out.put((byte) codec.typeId());
        out.put((byte) codec.version());
        codec.write(payload, out);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    public Object decode(byte[] bytes) {
        if (bytes.length < 2) {
            throw new PayloadFormatException("payload of " + bytes.length + " bytes is too short; allowed: a 2-byte "
                    + "header (type, version) and a body");
        }
        int typeId = Byte.toUnsignedInt(bytes[0]);
        int version = Byte.toUnsignedInt(bytes[1]);
        PayloadCodec<?> codec = byTypeId[typeId];
        if (codec == null) {
            throw new PayloadFormatException("payload type " + typeId + " is unknown; known: " + known());
        }
        var in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        Object value;
        try {
            value = codec.read(in, version);
        } catch (BufferUnderflowException e) {
            throw new PayloadFormatException("payload " + codec.payloadType().getSimpleName() + " v" + version
                    + " is truncated at " + bytes.length + " bytes", e);
        } catch (PayloadFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PayloadFormatException("payload " + codec.payloadType().getSimpleName() + " v" + version
                    + " holds invalid values: " + e.getMessage(), e);
        }
        if (in.hasRemaining()) {
            throw new PayloadFormatException("payload " + codec.payloadType().getSimpleName() + " v" + version + " has "
                    + in.remaining() + " bytes more than its body");
        }
        return value;
    }

    /** Decodes and checks the type, for readers of a stream that carries one type. */
    public <T> T decode(byte[] bytes, Class<T> expected) {
        Object value = decode(bytes);
        if (!expected.isInstance(value)) {
            throw new PayloadFormatException("payload is a " + value.getClass().getSimpleName() + "; expected a "
                    + expected.getSimpleName());
        }
        return expected.cast(value);
    }

    @SuppressWarnings("unchecked")
    private PayloadCodec<Object> codecFor(Class<?> type) {
        PayloadCodec<?> codec = byClass.get(type);
        if (codec == null) {
            throw new IllegalArgumentException("no payload codec for " + type.getName() + "; known: " + known());
        }
        return (PayloadCodec<Object>) codec;
    }

    private String known() {
        return byClass.values().stream()
                .sorted(java.util.Comparator.comparingInt(PayloadCodec::typeId))
                .map(codec -> codec.typeId() + " " + codec.payloadType().getSimpleName() + " v" + codec.version())
                .collect(Collectors.joining(", "));
    }
}
