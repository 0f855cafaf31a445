package io.huracan.adapter.parquet;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataStore;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.ColumnOrder;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files from our page writer, read by parquet-java's record assembly (not the store's column reader): the same
 * rows, the documented schema and encodings, and statistics and column indexes that match the rows.
 */
class ParquetJavaReadBackTest {
    private static final long MARCH_1 = 1_709_251_200_000_000L;
    private static final ExchangeId[] EXCHANGES = ExchangeId.values();

    @TempDir
    Path root;

    @Test
    void parquetJavaReadsTheSameTradesWithTheDocumentedSchemaEncodingsAndStatistics() throws IOException {
        List<Trade> written = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            written.add(new Trade(Coin.of("BTC"), EXCHANGES[(i / 7) % EXCHANGES.length], MARCH_1 + i * 500_000L + i % 3,
                    60_000 + Math.sin(i / 1_000.0) * 500, 0.001 * (1 + i % 13), i % 5 < 2 ? Side.SELL : Side.BUY));
        }
        write(Dataset.TRADES, 50_000, writer -> written.forEach(writer::write));

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(root.resolve("trades/BTC/20240301.parquet")))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            assertThat(schema).isEqualTo(Types.buildMessage()
                    .required(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named("timestamp")
                    .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("coin")
                    .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("exchange")
                    // type-defined order (NaN left out of min/max), which every reader knows; parquet-java's own
                    // default for doubles is the newer IEEE 754 total order
                    .required(PrimitiveTypeName.DOUBLE).columnOrder(ColumnOrder.typeDefined()).named("price")
                    .required(PrimitiveTypeName.DOUBLE).columnOrder(ColumnOrder.typeDefined()).named("quantity")
                    .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("aggressor")
                    .named("trades"));
            List<BlockMetaData> groups = reader.getFooter().getBlocks();
            assertThat(groups).extracting(BlockMetaData::getRowCount).containsExactly(50_000L, 50_000L, 20_000L);
            for (int g = 0; g < groups.size(); g++) {
                List<Trade> rows = written.subList(g * 50_000, g * 50_000 + (int) groups.get(g).getRowCount());
                List<ColumnChunkMetaData> chunks = groups.get(g).getColumns();
                assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.getCodec()).isEqualTo(CompressionCodecName.ZSTD));
                assertThat(chunks.get(0).getEncodings()).contains(Encoding.DELTA_BINARY_PACKED);
                assertThat(chunks.get(3).getEncodings()).contains(Encoding.BYTE_STREAM_SPLIT);
                assertThat(chunks.get(5).getEncodings()).contains(Encoding.RLE_DICTIONARY);

                assertRange(chunks.get(0).getStatistics(), rows.get(0).timestampMicros(), rows.get(rows.size() - 1).timestampMicros());
                assertRange(chunks.get(3).getStatistics(), rows.stream().mapToDouble(Trade::price).min().orElseThrow(),
                        rows.stream().mapToDouble(Trade::price).max().orElseThrow());
                assertRange(chunks.get(1).getStatistics(), Binary.fromString("BTC"), Binary.fromString("BTC"));
                assertRange(chunks.get(2).getStatistics(), Binary.fromString("binance"), Binary.fromString("paper"));
                assertRange(chunks.get(5).getStatistics(), Binary.fromString("buy"), Binary.fromString("sell"));

                // pages of 20,000 rows; their timestamp ranges in the column index
                ColumnIndex pages = reader.readColumnIndex(chunks.get(0));
                assertThat(pages.getMinValues()).hasSize((rows.size() + 19_999) / 20_000);
                for (int p = 0; p < pages.getMinValues().size(); p++) {
                    assertThat(pages.getMinValues().get(p).order(ByteOrder.LITTLE_ENDIAN).getLong(0))
                            .isEqualTo(rows.get(p * 20_000).timestampMicros());
                    assertThat(pages.getMaxValues().get(p).order(ByteOrder.LITTLE_ENDIAN).getLong(0))
                            .isEqualTo(rows.get(Math.min(rows.size(), (p + 1) * 20_000) - 1).timestampMicros());
                }
                assertThat(reader.readOffsetIndex(chunks.get(0)).getPageCount()).isEqualTo(pages.getMinValues().size());
            }

            List<Trade> read = new ArrayList<>();
            for (Group row : rows(reader, schema)) {
                read.add(new Trade(Coin.of(row.getString("coin", 0)), ExchangeId.fromKey(row.getString("exchange", 0)),
                        row.getLong("timestamp", 0), row.getDouble("price", 0), row.getDouble("quantity", 0),
                        Side.valueOf(row.getString("aggressor", 0).toUpperCase(Locale.ROOT))));
            }
            assertThat(read).containsExactlyElementsOf(written);
        }
    }

    @Test
    void nanIsLeftOutOfStatisticsAndReadsBackAsNan() throws IOException {
        List<FeatureVector> written = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            double[] values = new double[Feature.COUNT];
            for (int f = 0; f < values.length; f++) {
                values[f] = f * 1_000 + i;
            }
            values[0] = i % 10 == 0 ? Double.NaN : i - 100.0;
            values[1] = i % 2 == 0 ? 0.0 : -0.0;
            values[2] = Double.NaN;
            written.add(new FeatureVector(Coin.of("ETH"), MARCH_1 + i * 1_000_000L, values));
        }
        write(Dataset.FEATURES, 1_000, writer -> written.forEach(writer::write));

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(root.resolve("features/ETH/20240301.parquet")))) {
            BlockMetaData first = reader.getFooter().getBlocks().get(0);
            ColumnChunkMetaData withNan = first.getColumns().get(2);
            assertRange(withNan.getStatistics(), -99.0, 899.0);
            assertThat(reader.readColumnIndex(withNan)).as("a page holding NaN has no min/max").isNull();
            Statistics<?> zeros = first.getColumns().get(3).getStatistics();
            assertThat(Double.doubleToRawLongBits((Double) zeros.genericGetMin())).as("min -0.0")
                    .isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat(Double.doubleToRawLongBits((Double) zeros.genericGetMax())).as("max +0.0")
                    .isEqualTo(Double.doubleToRawLongBits(0.0));
            assertThat(first.getColumns().get(4).getStatistics().hasNonNullValue()).as("all NaN: no min/max").isFalse();
            assertRange(first.getColumns().get(5).getStatistics(), 3_000.0, 3_999.0);
            assertThat(reader.readColumnIndex(first.getColumns().get(5))).isNotNull();

            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Group> rows = rows(reader, schema);
            assertThat(rows).hasSize(written.size());
            for (int i = 0; i < rows.size(); i++) {
                for (int f = 0; f < Feature.COUNT; f++) {
                    assertThat(Double.doubleToRawLongBits(rows.get(i).getDouble(2 + f, 0)))
                            .isEqualTo(Double.doubleToRawLongBits(written.get(i).values()[f]));
                }
            }
        }
    }

    private <T> void write(Dataset<T> dataset, int rowGroupRows, Consumer<DatasetWriter<T>> rows) {
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(root, "zstd").withRowGroupRows(rowGroupRows));
             DatasetWriter<T> writer = store.writer(dataset)) {
            rows.accept(writer);
        }
    }

    private static List<Group> rows(ParquetFileReader reader, MessageType schema) throws IOException {
        List<Group> rows = new ArrayList<>();
        PageReadStore pages;
        while ((pages = reader.readNextRowGroup()) != null) {
            RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                    .getRecordReader(pages, new GroupRecordConverter(schema));
            for (long i = 0; i < pages.getRowCount(); i++) {
                rows.add(records.read());
            }
        }
        return rows;
    }

    private static void assertRange(Statistics<?> statistics, Object min, Object max) {
        assertThat(statistics.hasNonNullValue()).isTrue();
        assertThat(statistics.getNumNulls()).isZero();
        assertThat((Object) statistics.genericGetMin()).isEqualTo(min);
        assertThat((Object) statistics.genericGetMax()).isEqualTo(max);
    }
}
