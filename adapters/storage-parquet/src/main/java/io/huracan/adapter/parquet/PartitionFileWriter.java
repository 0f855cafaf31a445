package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one sorted {@link ColumnBatch} as a Parquet file: pages encoded straight from the batch's arrays into a
 * reused buffer (timestamps and integers DELTA_BINARY_PACKED, doubles BYTE_STREAM_SPLIT, labels and the coin a
 * dictionary with RLE/bit-packed indices; data page v2), compressed by this thread's compressor, then the page
 * indexes and the footer (parquet-format's thrift structures). parquet-java's column writers cost more per file
 * than the encoding itself when files are small, which most coin-days are. The buffer goes to disk once it holds
 * 64 KiB at the end of a row group, so a file's size does not bound memory. One instance per thread.
 */
final class PartitionFileWriter implements AutoCloseable {
    /** Which writer made the file; readers parse it as an application name and version. */
    static final String CREATED_BY = "huracan-storage-parquet version 1";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int FILE_FORMAT_VERSION = 1;
    /** Row groups stay in memory up to this size, so that a small file goes to disk in one write. */
    private static final int FLUSH_BYTES = 1 << 16;

    private final PageCompressor compressor;
    private final ColumnChunkWriter chunks;
    private final int rowGroupRows;
    private final ByteBuilder out = new ByteBuilder(1 << 20);
    private final Map<RowCodec<?>, FileColumns> prepared = new IdentityHashMap<>();
    private long flushed;

    PartitionFileWriter(PageCompressor compressor, int rowGroupRows) {
        this.compressor = compressor;
        this.chunks = new ColumnChunkWriter(compressor);
        this.rowGroupRows = rowGroupRows;
    }

    /** Creates {@code file} (which must not exist) holding the batch's rows, in row groups of at most rowGroupRows. */
    void write(Path file, RowCodec<?> codec, Coin coin, ColumnBatch batch, Map<String, String> metadata) throws IOException {
        FileColumns columns = prepared.computeIfAbsent(codec, c -> new FileColumns(c.dataset().name(), c.columns()));
        byte[] coinBytes = coin.symbol().getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.reset();
            flushed = 0;
            out.write(MAGIC, 0, MAGIC.length);
            List<RowGroup> groups = new ArrayList<>();
            List<ColumnChunkWriter.Written> written = new ArrayList<>();
            for (int from = 0; from < batch.size(); from += rowGroupRows) {
                int to = Math.min(batch.size(), from + rowGroupRows);
                groups.add(writeRowGroup(columns, batch, from, to, coinBytes, groups.size(), written));
                if (out.size() >= FLUSH_BYTES) {
                    flush(channel);
                }
            }
            writePageIndexes(written);
            FileMetaData footer = new FileMetaData(FILE_FORMAT_VERSION, columns.schema(), batch.size(), groups)
                    .setCreated_by(CREATED_BY)
                    .setColumn_orders(columns.orders());
            if (!metadata.isEmpty()) {
                List<KeyValue> pairs = new ArrayList<>();
                metadata.forEach((key, value) -> pairs.add(new KeyValue(key).setValue(value)));
                footer.setKey_value_metadata(pairs);
            }
            int footerStart = out.size();
            Util.writeFileMetaData(footer, out);
            out.writeIntLE(out.size() - footerStart);
            out.write(MAGIC, 0, MAGIC.length);
            flush(channel);
        }
    }

    private RowGroup writeRowGroup(FileColumns columns, ColumnBatch batch, int from, int to, byte[] coin, int ordinal,
                                   List<ColumnChunkWriter.Written> written) throws IOException {
        long start = position();
        List<ColumnChunk> chunkList = new ArrayList<>(columns.count());
        long uncompressed = 0;
        for (int c = 0; c < columns.count(); c++) {
            ColumnChunkWriter.Written chunk = chunks.write(columns, c, batch, from, to, coin, out, flushed);
            written.add(chunk);
            chunkList.add(chunk.chunk());
            uncompressed += chunk.chunk().getMeta_data().getTotal_uncompressed_size();
        }
        return new RowGroup(chunkList, uncompressed, to - from)
                .setFile_offset(start)
                .setTotal_compressed_size(position() - start)
                .setOrdinal((short) ordinal);
    }

    /** Column indexes of every chunk, then offset indexes, between the last row group and the footer. */
    private void writePageIndexes(List<ColumnChunkWriter.Written> written) throws IOException {
        for (ColumnChunkWriter.Written chunk : written) {
            if (chunk.columnIndex() != null) {
                long offset = position();
                Util.writeColumnIndex(chunk.columnIndex(), out);
                chunk.chunk().setColumn_index_offset(offset).setColumn_index_length((int) (position() - offset));
            }
        }
        for (ColumnChunkWriter.Written chunk : written) {
            long offset = position();
            Util.writeOffsetIndex(chunk.offsetIndex(), out);
            chunk.chunk().setOffset_index_offset(offset).setOffset_index_length((int) (position() - offset));
        }
    }

    private long position() {
        return flushed + out.size();
    }

    private void flush(FileChannel channel) throws IOException {
        out.writeTo(channel);
        flushed += out.size();
        out.reset();
    }

    @Override
    public void close() {
        compressor.close();
    }
}
