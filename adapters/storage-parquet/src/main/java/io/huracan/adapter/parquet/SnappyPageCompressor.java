package io.huracan.adapter.parquet;

import org.apache.parquet.format.CompressionCodec;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Raw snappy blocks (Parquet's SNAPPY), compressed array to array. */
final class SnappyPageCompressor implements PageCompressor {

    @Override
    public CompressionCodec codec() {
        return CompressionCodec.SNAPPY;
    }

    @Override
    public void compress(byte[] source, int length, ByteBuilder out) {
        int bound = Snappy.maxCompressedLength(length);
        int start = out.reserve(bound);
        try {
            out.truncate(start + Snappy.compress(source, 0, length, out.array(), start));
        } catch (IOException e) {
            throw new UncheckedIOException("snappy could not compress a page: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // snappy-java keeps no state per caller
    }
}
