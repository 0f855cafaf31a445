package io.huracan.adapter.redis;

import java.nio.ByteBuffer;

/**
 * A stream id as Redis writes it, {@code <millis>-<sequence>} in ASCII digits, written straight into a buffer: the
 * bus sends tens of thousands of ids a second and a String per id would be garbage for nothing.
 */
final class StreamIdDigits {
    private StreamIdDigits() {
    }

    /** How many bytes {@link #put} writes. */
    static int length(long millis, long sequence) {
        return digits(millis) + 1 + digits(sequence);
    }

    static void put(ByteBuffer into, long millis, long sequence) {
        putDigits(into, millis);
        into.put((byte) '-');
        putDigits(into, sequence);
    }

    /** The id alone, as one command argument. */
    static byte[] bytes(long millis, long sequence) {
        ByteBuffer id = ByteBuffer.allocate(length(millis, sequence));
        put(id, millis, sequence);
        return id.array();
    }

    private static int digits(long value) {
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        return count;
    }

    private static void putDigits(ByteBuffer into, long value) {
        int end = into.position() + digits(value);
        long rest = value;
        for (int at = end - 1; at >= into.position(); at--) {
            into.put(at, (byte) ('0' + rest % 10));
            rest /= 10;
        }
        into.position(end);
    }
}
