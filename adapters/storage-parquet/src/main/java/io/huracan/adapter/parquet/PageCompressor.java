package io.huracan.adapter.parquet;

import org.apache.parquet.format.CompressionCodec;

/** Compresses page bodies for one writer thread; holds native state, so it is closed with the store. */
interface PageCompressor extends AutoCloseable {

    /** The codec as the footer names it. */
    CompressionCodec codec();

    /** Appends the compressed form of source[0..length) to {@code out}. */
    void compress(byte[] source, int length, ByteBuilder out);

    @Override
    void close();

    /** zstd (level 3, parquet-java's default) or snappy, as {@link ParquetStoreSettings} allows. */
    static PageCompressor forName(String compression) {
        return "zstd".equals(compression) ? new ZstdPageCompressor() : new SnappyPageCompressor();
    }
}
