package io.huracan.adapter.redis;

import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StreamType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.redisson.client.codec.Codec;
import org.redisson.client.handler.State;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.client.protocol.decoder.MultiDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an XREADGROUP reply of one stream straight into {@link BusMessage}s on Redisson's netty thread. Redisson's
 * own stream decoder makes a String, a split and a {@code StreamMessageId} of every id and a {@code LinkedHashMap} of
 * every entry's fields; this one reads the id's digits from the reply buffer into two longs and copies the payload
 * out once. The reply (RESP2) is nested five deep, and Redisson tells the decoder the depth it is at:
 * <pre>
 *   0 [ 1 [key, 2 [ 3 [id, 4 [p, payload]], 3 [...] ...]]]      (nil when there was nothing to read)
 * </pre>
 */
final class GroupReadReply implements MultiDecoder<Object> {
    private static final int STREAMS = 0;
    private static final int STREAM = 1;
    private static final int ENTRIES = 2;
    private static final int ENTRY = 3;
    private static final int FIELDS = 4;

    private static final Decoder<Object> SKIPPED = (buf, state) -> null;
    private static final Decoder<Object> ID = (buf, state) -> id(buf);
    private static final Decoder<Object> PAYLOAD = (buf, state) -> ByteBufUtil.getBytes(buf);

    private final StreamType stream;

    private GroupReadReply(StreamType stream) {
        this.stream = stream;
    }

    /** XREADGROUP for one stream; its reply is a {@code List<BusMessage>}, each delivered for the first time. */
    static RedisCommand<List<BusMessage>> command(StreamType stream) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        RedisCommand<List<BusMessage>> command = new RedisCommand("XREADGROUP", new GroupReadReply(stream));
        return command;
    }

    @Override
    public Decoder<Object> getDecoder(Codec codec, int paramNum, State state, long size) {
        return switch (state.getLevel()) {
            case ENTRY -> ID;
            case FIELDS -> paramNum == 1 ? PAYLOAD : SKIPPED;
            default -> SKIPPED; // the stream's key, which the caller knows
        };
    }

    @Override
    public Object decode(List<Object> parts, State state) {
        return switch (state.getLevel()) {
            case STREAMS -> parts.isEmpty() ? new ArrayList<BusMessage>() : parts.get(0); // read() may add to it
            case STREAM -> parts.get(1);
            case ENTRIES -> parts;
            case ENTRY -> new BusMessage(stream, (MessageId) parts.get(0), (byte[]) parts.get(1), 1);
            case FIELDS -> parts.get(1);
            default -> throw new IllegalStateException("XREADGROUP reply nested deeper than " + FIELDS + ": " + parts);
        };
    }

    /** {@code <millis>-<sequence>} read digit by digit. */
    static MessageId id(ByteBuf buf) {
        long millis = 0;
        long sequence = 0;
        boolean afterDash = false;
        for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
            byte b = buf.getByte(i);
            if (b == '-' && !afterDash) {
                afterDash = true;
            } else if (b < '0' || b > '9') {
                throw notAnId(buf);
            } else if (afterDash) {
                sequence = sequence * 10 + (b - '0');
            } else {
                millis = millis * 10 + (b - '0');
            }
        }
        if (!afterDash) {
            throw notAnId(buf);
        }
        return new MessageId(millis, sequence);
    }

    private static IllegalStateException notAnId(ByteBuf buf) {
        return new IllegalStateException("stream id '" + buf.toString(StandardCharsets.US_ASCII)
                + "' from Redis is not <millis>-<sequence>");
    }
}
