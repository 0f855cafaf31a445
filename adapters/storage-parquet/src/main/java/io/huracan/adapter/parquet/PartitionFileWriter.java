package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes one sorted {@link ColumnBatch} as a Parquet file, row group by row group, through parquet-java's column
 * writers directly (no record-assembly layer: this is the hot path of imports and recording). Doubles use
 * BYTE_STREAM_SPLIT and timestamps DELTA_BINARY_PACKED (data page v2), labels and the coin a dictionary; every
 * column chunk gets min/max statistics and a column index, which readers use to skip row groups and pages.
 */
final class PartitionFileWriter {
    private static final int PAGE_SIZE = 1 << 20;

    private final CompressionCodecFactory.BytesInputCompressor compressor;
    private final int rowGroupRows;

    PartitionFileWriter(CompressionCodecFactory.BytesInputCompressor compressor, int rowGroupRows) {
        this.compressor = compressor;
        this.rowGroupRows = rowGroupRows;
    }

    void write(Path file, RowCodec<?> codec, Coin coin, ColumnBatch batch, Map<String, String> metadata) throws IOException {
        List<ColumnSpec> columns = codec.columns();
        MessageType schema = Schemas.of(codec.dataset().name(), columns);
        ParquetProperties properties = properties(columns);
        Binary coinValue = Binary.fromString(coin.symbol());
        Binary[][] labelValues = labelBinaries(columns);
        ParquetFileWriter fileWriter = new ParquetFileWriter(new LocalOutputFile(file), schema,
                ParquetFileWriter.Mode.CREATE, Long.MAX_VALUE, 0, null, properties);
        try {
            fileWriter.start();
            for (int start = 0; start < batch.size(); start += rowGroupRows) {
                writeRowGroup(fileWriter, schema, properties, columns, batch, start,
                        Math.min(batch.size(), start + rowGroupRows), coinValue, labelValues);
            }
            fileWriter.end(metadata);
        } finally {
            fileWriter.close();
        }
    }

    private void writeRowGroup(ParquetFileWriter fileWriter, MessageType schema, ParquetProperties properties,
                               List<ColumnSpec> columns, ColumnBatch batch, int from, int to, Binary coinValue,
                               Binary[][] labelValues) throws IOException {
        ColumnChunkPageWriteStore pages = ColumnChunkPageWriteStore.builder()
                .withSchema(schema)
                .withCompressorProvider(column -> compressor)
                .withAllocator(properties.getAllocator())
                .withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(false)
                .build();
        ColumnWriteStore store = properties.newColumnWriteStore(schema, pages, pages);
        try {
            List<ColumnDescriptor> descriptors = schema.getColumns();
            ColumnWriter[] writers = new ColumnWriter[columns.size()];
            for (int c = 0; c < writers.length; c++) {
                writers[c] = store.getColumnWriter(descriptors.get(c));
            }
            for (int row = from; row < to; row++) {
                for (int c = 0; c < writers.length; c++) {
                    switch (columns.get(c).kind()) {
                        case TIMESTAMP, INT64 -> writers[c].write(batch.longs[c][row], 0, 0);
                        case DOUBLE -> writers[c].write(batch.doubles[c][row], 0, 0);
                        case LABEL -> writers[c].write(labelValues[c][batch.labels[c][row]], 0, 0);
                        case COIN -> writers[c].write(coinValue, 0, 0);
                    }
                }
                store.endRecord();
            }
            fileWriter.startBlock(to - from);
            store.flush();
            pages.flushToFileWriter(fileWriter);
            fileWriter.endBlock();
        } finally {
            store.close();
            pages.close();
        }
    }

    private ParquetProperties properties(List<ColumnSpec> columns) {
        ParquetProperties.Builder builder = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withPageSize(PAGE_SIZE)
                .withDictionaryEncoding(false)
                .withByteStreamSplitEncoding(true)
                .withRowGroupRowCountLimit(rowGroupRows)
                .withPageRowCountLimit(20_000);
        for (ColumnSpec column : columns) {
            if (column.kind() == ColumnKind.LABEL || column.kind() == ColumnKind.COIN) {
                builder.withDictionaryEncoding(column.name(), true);
            }
        }
        return builder.build();
    }

    private static Binary[][] labelBinaries(List<ColumnSpec> columns) {
        Binary[][] values = new Binary[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            values[c] = columns.get(c).labels().stream().map(Binary::fromString).toArray(Binary[]::new);
        }
        return values;
    }
}
