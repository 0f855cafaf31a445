package io.huracan.adapter.parquet;

import io.huracan.ports.market.Candle;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.QueryOrder;
import io.huracan.ports.storage.RowCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The files are plain Parquet: DuckDB, an independent reader, sees the same rows with the documented types. */
class DuckDbReadBackTest {
    private static final long MARCH_1 = 1_709_251_200_000_000L;
    private static final long DAY = 86_400_000_000L;

    @TempDir
    Path root;

    @Test
    void duckDbReadsTheSameTradesWithTheDocumentedTypes() throws SQLException {
        List<Trade> written = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            written.add(new Trade(Coin.of(i % 2 == 0 ? "BTC" : "ETH"), ExchangeId.BINANCE, MARCH_1 + i * 1_000_003L,
                    60_000 + i * 0.01, 0.001 * (1 + i % 7), i % 3 == 0 ? Side.SELL : Side.BUY));
        }
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(root, "zstd").withRowGroupRows(1_000));
             DatasetWriter<Trade> writer = store.writer(Dataset.TRADES)) {
            written.forEach(writer::write);
        }

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            try (ResultSet types = sql.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + root + "/trades/*/*.parquet')")) {
                List<String> described = new ArrayList<>();
                while (types.next()) {
                    described.add(types.getString("column_name") + " " + types.getString("column_type"));
                }
                assertThat(described).containsExactly("timestamp TIMESTAMP WITH TIME ZONE", "coin VARCHAR",
                        "exchange VARCHAR", "price DOUBLE", "quantity DOUBLE", "aggressor VARCHAR");
            }
            List<Trade> read = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT epoch_us(timestamp), coin, exchange, price, quantity, aggressor "
                    + "FROM read_parquet('" + root + "/trades/*/*.parquet') ORDER BY coin, timestamp")) {
                while (rows.next()) {
                    read.add(new Trade(Coin.of(rows.getString(2)), ExchangeId.fromKey(rows.getString(3)), rows.getLong(1),
                            rows.getDouble(4), rows.getDouble(5), Side.valueOf(rows.getString(6).toUpperCase())));
                }
            }
            assertThat(read).containsExactlyInAnyOrderElementsOf(written);
        }
    }

    @Test
    void duckDbReadsCandlesAndTheStoreSkipsRowGroupsByStatistics() throws SQLException {
        List<Candle> written = new ArrayList<>();
        for (int minute = 0; minute < 1_440; minute++) {
            long open = MARCH_1 + minute * 60_000_000L;
            written.add(new Candle(Coin.of("BTC"), ExchangeId.BINANCE, open, open + 59_999_999, 100, 102, 99, 101,
                    minute, minute * 100.0, minute * 3L, minute / 2.0, minute * 50.0));
        }
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(root, "snappy").withRowGroupRows(100))) {
            try (DatasetWriter<Candle> writer = store.writer(Dataset.CANDLES)) {
                written.forEach(writer::write);
            }
            // minutes [600, 660): row groups of 100 minutes, so only group 6 ([600, 700)) is read
            try (RowCursor<Candle> cursor = store.query(new MarketDataQuery<>(Dataset.CANDLES, Set.of(Coin.of("BTC")),
                    MARCH_1 + 600 * 60_000_000L, MARCH_1 + 660 * 60_000_000L, QueryOrder.BY_COIN))) {
                List<Candle> hour = new ArrayList<>();
                cursor.forEachRemaining(hour::add);
                assertThat(hour).containsExactlyElementsOf(written.subList(600, 660));
                assertThat(cursor.stats().rowGroupsRead()).isEqualTo(1);
                assertThat(cursor.stats().rowGroupsSkipped()).isEqualTo(14);
            }
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*), sum(trade_count), typeof(any_value(close_time)), "
                     + "typeof(any_value(trade_count)), max(epoch_us(close_time)) FROM read_parquet('" + root
                     + "/candles/BTC/20240301.parquet')")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1_440);
            assertThat(rows.getLong(2)).isEqualTo(3L * 1_439 * 1_440 / 2);
            assertThat(rows.getString(3)).isEqualTo("TIMESTAMP WITH TIME ZONE");
            assertThat(rows.getString(4)).isEqualTo("BIGINT");
            assertThat(rows.getLong(5)).isEqualTo(MARCH_1 + DAY - 1);
        }
    }

    @Test
    void duckDbReadsMultiPageRowGroupsAndPrunesByTheirStatistics() throws SQLException {
        List<Trade> written = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            written.add(new Trade(Coin.of("SOL"), ExchangeId.values()[i % 4], MARCH_1 + i * 700_000L, 150 + (i % 1_000) * 0.001,
                    0.5 + i % 9, i % 4 == 1 ? Side.SELL : Side.BUY));
        }
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(root, "snappy").withRowGroupRows(50_000));
             DatasetWriter<Trade> writer = store.writer(Dataset.TRADES)) {
            written.forEach(writer::write);
        }
        String file = root.resolve("trades/SOL/20240301.parquet").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            try (ResultSet meta = sql.executeQuery("SELECT path_in_schema, encodings, compression, stats_min_value, "
                    + "stats_max_value FROM parquet_metadata('" + file + "') WHERE row_group_id = 1 ORDER BY column_id")) {
                List<String> columns = new ArrayList<>();
                while (meta.next()) {
                    columns.add(meta.getString(1) + " " + meta.getString(2) + " " + meta.getString(3));
                    if (meta.getString(1).equals("aggressor")) {
                        assertThat(meta.getString(4) + "-" + meta.getString(5)).isEqualTo("buy-sell");
                    }
                }
                assertThat(columns).hasSize(6);
                assertThat(columns.get(0)).contains("timestamp", "DELTA_BINARY_PACKED", "SNAPPY");
                assertThat(columns.get(3)).contains("price", "BYTE_STREAM_SPLIT");
                assertThat(columns.get(5)).contains("aggressor", "RLE_DICTIONARY");
            }
            // a range across the boundary of row groups 0 and 1: statistics must not drop rows that are in it
            long from = MARCH_1 + 40_000 * 700_000L;
            long to = MARCH_1 + 60_000 * 700_000L;
            try (ResultSet rows = sql.executeQuery("SELECT count(*), min(epoch_us(timestamp)), max(epoch_us(timestamp)), "
                    + "sum(quantity) FROM read_parquet('" + file + "') WHERE timestamp >= " + utc(from)
                    + " AND timestamp < " + utc(to))) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(20_000);
                assertThat(rows.getLong(2)).isEqualTo(from);
                assertThat(rows.getLong(3)).isEqualTo(to - 700_000L);
                assertThat(rows.getDouble(4)).isCloseTo(written.subList(40_000, 60_000).stream().mapToDouble(Trade::quantity).sum(),
                        within(1e-6));
            }
            List<Trade> read = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT epoch_us(timestamp), coin, exchange, price, quantity, aggressor "
                    + "FROM read_parquet('" + file + "') ORDER BY timestamp")) {
                while (rows.next()) {
                    read.add(new Trade(Coin.of(rows.getString(2)), ExchangeId.fromKey(rows.getString(3)), rows.getLong(1),
                            rows.getDouble(4), rows.getDouble(5), Side.valueOf(rows.getString(6).toUpperCase())));
                }
            }
            assertThat(read).containsExactlyElementsOf(written);
        }
    }

    /** A TIMESTAMPTZ literal for whole-second epoch microseconds. */
    private static String utc(long micros) {
        return "TIMESTAMPTZ '" + LocalDateTime.ofEpochSecond(micros / 1_000_000, 0, ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "+00'";
    }

}
