package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadFormatException;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The field encodings the payload codecs share: short strings, enums by stable ordinal, exact decimals. */
final class WireFormat {
    private static final ExchangeId[] EXCHANGES = ExchangeId.values();
    private static final Side[] SIDES = Side.values();

    private WireFormat() {
    }

    /** One length byte and the UTF-8 bytes; at most 255 bytes. */
    static void putText(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("text of " + bytes.length + " bytes is too long to encode; allowed: 255");
        }
        out.put((byte) bytes.length);
        out.put(bytes);
    }

    static String getText(ByteBuffer in) {
        byte[] bytes = new byte[Byte.toUnsignedInt(in.get())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int textLength(String text) {
        return 1 + text.length() * 3;
    }

    static void putCoin(ByteBuffer out, Coin coin) {
        putText(out, coin.symbol());
    }

    static Coin getCoin(ByteBuffer in) {
        return new Coin(getText(in));
    }

    static void putExchange(ByteBuffer out, ExchangeId exchange) {
        out.put((byte) exchange.ordinal());
    }

    static ExchangeId getExchange(ByteBuffer in) {
        return enumAt(EXCHANGES, in.get(), "exchange");
    }

    static void putSide(ByteBuffer out, Side side) {
        out.put((byte) side.ordinal());
    }

    static Side getSide(ByteBuffer in) {
        return enumAt(SIDES, in.get(), "side");
    }

    /** The enum constant a one-byte code stands for; an unknown code is a format error naming {@code what}. */
    static <E extends Enum<E>> E enumAt(E[] values, byte code, String what) {
        int ordinal = Byte.toUnsignedInt(code);
        if (ordinal >= values.length) {
            throw new PayloadFormatException(what + " code " + ordinal + " is unknown; allowed: 0-" + (values.length - 1));
        }
        return values[ordinal];
    }

    /** Scale (int) then the unscaled value's two's-complement bytes behind a length byte. */
    static void putDecimal(ByteBuffer out, BigDecimal value) {
        out.putInt(value.scale());
        byte[] unscaled = value.unscaledValue().toByteArray();
        if (unscaled.length > 255) {
            throw new IllegalArgumentException("decimal " + value + " is too large to encode; allowed: 255 bytes");
        }
        out.put((byte) unscaled.length);
        out.put(unscaled);
    }

    static BigDecimal getDecimal(ByteBuffer in) {
        int scale = in.getInt();
        byte[] unscaled = new byte[Byte.toUnsignedInt(in.get())];
        in.get(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    static int decimalLength(BigDecimal value) {
        return 4 + 1 + value.unscaledValue().bitLength() / 8 + 1;
    }
}
