package io.huracan.adapter.parquet;

/**
 * The RLE/bit-packing hybrid that dictionary-encoded pages hold their indices in: a run of at least 8 equal
 * values (starting on a group boundary) becomes one RLE run, everything else bit-packed groups of 8.
 */
final class RleHybridEncoder {
    private static final int GROUP = 8;

    private final long[] literals = new long[GROUP];

    /** Writes the bit width byte, then the runs, as a RLE_DICTIONARY data page holds them. */
    void encodeIndices(int[] values, int from, int to, int width, ByteBuilder out) {
        out.write(width);
        int literalStart = from;
        int i = from;
        while (i < to) {
            int run = 1;
            while (i + run < to && values[i + run] == values[i]) {
                run++;
            }
            if (run >= GROUP) {
                writeLiterals(values, literalStart, i, width, out);
                writeRun(run, values[i], width, out);
                i += run;
                literalStart = i;
            } else {
                i = Math.min(to, i + GROUP); // a group of literals: runs are looked for on group boundaries only
            }
        }
        writeLiterals(values, literalStart, to, width, out);
    }

    /** One RLE run of {@code count} copies of {@code value}: the whole index stream of a constant column. */
    static void writeRun(int count, int value, int width, ByteBuilder out) {
        out.writeUnsignedVarLong((long) count << 1);
        for (int b = 0; b < (width + 7) / 8; b++) {
            out.write(value >>> (b * 8));
        }
    }

    /** Bit-packed groups of values[from..to); only the final run may end in a partial (zero-padded) group. */
    private void writeLiterals(int[] values, int from, int to, int width, ByteBuilder out) {
        if (from == to) {
            return;
        }
        int groups = (to - from + GROUP - 1) / GROUP;
        out.writeUnsignedVarLong(((long) groups << 1) | 1);
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < GROUP; k++) {
                int at = from + g * GROUP + k;
                literals[k] = at < to ? values[at] : 0;
            }
            BitPacker.pack(literals, 0, GROUP, width, out);
        }
    }
}
