package io.huracan.ports.bus;

import java.nio.ByteBuffer;

/**
 * Turns one payload type into compact bytes and back. Every encoded payload starts with a two-byte header, the
 * {@link #typeId()} and the {@link #version()} it was written with (see {@code docs/message-bus.md}); the codec
 * writes and reads only the body after it. A codec reads every version from 1 up to its current one, so a newer
 * engine reads what an older one wrote; a body of a version it does not know is a {@link PayloadFormatException}.
 *
 * @param <T> the payload type, e.g. {@code BookTop}
 */
public interface PayloadCodec<T> {

    /** The payload's type id on the wire, 1-255, unique among the engine's codecs and never reused. */
    int typeId();

    /** The version this codec writes, 1-255. */
    int version();

    Class<T> payloadType();

    /** An upper bound of the body's length in bytes, so callers can size a buffer once. */
    int maxBodyLength(T value);

    /** Writes the body of {@code value} in the current version. */
    void write(T value, ByteBuffer out);

    /** Reads a body written in {@code version}; throws {@link PayloadFormatException} for a version it does not know. */
    T read(ByteBuffer in, int version);
}
