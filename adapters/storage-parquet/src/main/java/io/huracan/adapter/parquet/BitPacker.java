package io.huracan.adapter.parquet;

/**
 * Parquet's bit packing: values of {@code width} bits laid end to end from the least significant bit of each
 * byte up (the order of the RLE/bit-packing hybrid and of DELTA_BINARY_PACKED miniblocks).
 */
final class BitPacker {
    private BitPacker() {
    }

    /** Packs {@code count} values (each below 2^width, width 0-64) and pads the last byte with zero bits. */
    static void pack(long[] values, int from, int count, int width, ByteBuilder out) {
        if (width == 0 || count == 0) {
            return;
        }
        int start = out.reserve((int) (((long) count * width + 7) >>> 3));
        byte[] bytes = out.array();
        int at = start;
        long pending = 0;
        int bits = 0;
        for (int i = from; i < from + count; i++) {
            long value = values[i];
            pending |= value << bits;
            bits += width;
            if (bits >= 64) {
                for (int b = 0; b < 64; b += 8) {
                    bytes[at++] = (byte) (pending >>> b);
                }
                bits -= 64;
                pending = bits == 0 ? 0 : value >>> (width - bits);
            }
        }
        for (int b = 0; b < bits; b += 8) {
            bytes[at++] = (byte) (pending >>> b);
        }
    }
}
