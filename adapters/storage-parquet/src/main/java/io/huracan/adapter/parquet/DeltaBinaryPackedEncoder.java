package io.huracan.adapter.parquet;

/**
 * DELTA_BINARY_PACKED for INT64 columns: blocks of 128 deltas in 4 miniblocks of 32, each miniblock packed at the
 * width its largest delta (above the block's minimum) needs. Sorted timestamps pack into a few bits a row.
 */
final class DeltaBinaryPackedEncoder {
    private static final int BLOCK = 128;
    private static final int MINIBLOCKS = 4;
    private static final int MINIBLOCK = BLOCK / MINIBLOCKS;

    private final long[] deltas = new long[BLOCK];
    private final int[] widths = new int[MINIBLOCKS];

    void encode(long[] values, int from, int to, ByteBuilder out) {
        out.writeUnsignedVarLong(BLOCK);
        out.writeUnsignedVarLong(MINIBLOCKS);
        out.writeUnsignedVarLong(to - from);
        out.writeZigZagVarLong(values[from]);
        for (int blockStart = from + 1; blockStart < to; blockStart += BLOCK) {
            writeBlock(values, blockStart, Math.min(to, blockStart + BLOCK), out);
        }
    }

    /** The deltas of values[start..end) against their predecessors. */
    private void writeBlock(long[] values, int start, int end, ByteBuilder out) {
        int count = end - start;
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            long delta = values[start + i] - values[start + i - 1];
            deltas[i] = delta;
            min = Math.min(min, delta);
        }
        for (int i = 0; i < count; i++) {
            deltas[i] -= min; // unsigned from here on
        }
        // a short last block: the padding deltas are zero, which packs as zero bits
        int filled = (count + MINIBLOCK - 1) / MINIBLOCK * MINIBLOCK;
        for (int i = count; i < filled; i++) {
            deltas[i] = 0;
        }
        out.writeZigZagVarLong(min);
        int widthsAt = out.reserve(MINIBLOCKS);
        for (int m = 0; m < MINIBLOCKS; m++) {
            long bits = 0;
            for (int i = m * MINIBLOCK; i < Math.min(count, (m + 1) * MINIBLOCK); i++) {
                bits |= deltas[i];
            }
            widths[m] = 64 - Long.numberOfLeadingZeros(bits);
            out.array()[widthsAt + m] = (byte) widths[m];
        }
        for (int m = 0; m * MINIBLOCK < count; m++) {
            BitPacker.pack(deltas, m * MINIBLOCK, MINIBLOCK, widths[m], out);
        }
    }
}
