package io.huracan.adapter.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * A growable byte array that pages and footers are encoded into, little-endian as Parquet wants; an
 * {@link OutputStream} so that thrift headers serialise straight into it. Reused by one writer thread.
 */
final class ByteBuilder extends OutputStream {
    private byte[] bytes;
    private int size;

    ByteBuilder(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void reset() {
        size = 0;
    }

    /** Drops everything after the first {@code newSize} bytes (the unused end of a reservation). */
    void truncate(int newSize) {
        size = newSize;
    }

    /** Makes room for {@code more} bytes and returns the offset they start at; the caller fills them. */
    int reserve(int more) {
        int start = size;
        if (start + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + more));
        }
        size = start + more;
        return start;
    }

    @Override
    public void write(int b) {
        int at = reserve(1);
        bytes[at] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        int at = reserve(length);
        System.arraycopy(source, offset, bytes, at, length);
    }

    void writeIntLE(int value) {
        int at = reserve(4);
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    /** Unsigned LEB128, as Parquet's RLE and delta headers use. */
    void writeUnsignedVarLong(long value) {
        while ((value & ~0x7FL) != 0) {
            write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        write((int) value);
    }

    void writeZigZagVarLong(long value) {
        writeUnsignedVarLong((value << 1) ^ (value >> 63));
    }

    void writeTo(WritableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, size);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
