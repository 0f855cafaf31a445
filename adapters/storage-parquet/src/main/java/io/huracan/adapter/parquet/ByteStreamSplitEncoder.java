package io.huracan.adapter.parquet;

/**
 * BYTE_STREAM_SPLIT for DOUBLE columns: byte k of every value goes to stream k, so the slowly changing high bytes
 * of prices and sizes sit together and compress well.
 */
final class ByteStreamSplitEncoder {
    private ByteStreamSplitEncoder() {
    }

    static void encode(double[] values, int from, int to, ByteBuilder out) {
        int count = to - from;
        int start = out.reserve(count * Double.BYTES);
        byte[] bytes = out.array();
        for (int i = 0; i < count; i++) {
            long bits = Double.doubleToRawLongBits(values[from + i]);
            int at = start + i;
            for (int b = 0; b < Double.BYTES; b++) {
                bytes[at + b * count] = (byte) (bits >>> (b * 8));
            }
        }
    }
}
