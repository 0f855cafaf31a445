package io.huracan.adapter.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import org.apache.parquet.format.CompressionCodec;

/** Plain zstd frames from one reused native context: no per-page stream, buffer pool or context set-up. */
final class ZstdPageCompressor implements PageCompressor {
    private static final int LEVEL = 3;

    private final ZstdCompressCtx context = new ZstdCompressCtx().setLevel(LEVEL).setChecksum(false);

    @Override
    public CompressionCodec codec() {
        return CompressionCodec.ZSTD;
    }

    @Override
    public void compress(byte[] source, int length, ByteBuilder out) {
        int bound = (int) Zstd.compressBound(length);
        int start = out.reserve(bound);
        int written = context.compressByteArray(out.array(), start, bound, source, 0, length);
        out.truncate(start + written);
    }

    @Override
    public void close() {
        context.close();
    }
}
