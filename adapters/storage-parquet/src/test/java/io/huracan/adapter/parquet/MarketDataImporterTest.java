package io.huracan.adapter.parquet;

import io.huracan.ports.market.Candle;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows shaped exactly like data.binance.vision files (the README's sample rows) and a plain trade CSV. */
class MarketDataImporterTest {
    private static final Coin BNB = Coin.of("BNB");

    @TempDir
    Path dir;

    @Test
    void importsAZippedSpotKlinesFileWithoutHeader() throws IOException {
        Path zip = dir.resolve("BNBUSDT-1m-2020-10.zip");
        zip(zip, "BNBUSDT-1m-2020-10.csv", """
                1601510340000,4.15070000,4.15870000,4.15060000,4.15540000,539.23000000,1601510399999,2240.39860900,13,401.82000000,1669.98121300,0
                1601510400000,4.15540000,4.16000000,4.15500000,4.15900000,100.00000000,1601510459999,415.70000000,4,50.00000000,207.90000000,0
                """);
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
            ImportReport report = new MarketDataImporter(store).importFile(zip, null, BNB, ExchangeId.BINANCE, rows -> { });

            assertThat(report.format()).isEqualTo(ImportFormat.BINANCE_KLINES);
            // 23:59 on Sep 30 and 00:00 on Oct 1, UTC
            assertThat(report.rowsPerDay()).containsExactly(
                    java.util.Map.entry(LocalDate.of(2020, 9, 30), 1L), java.util.Map.entry(LocalDate.of(2020, 10, 1), 1L));
            List<Candle> candles = new ArrayList<>();
            store.query(MarketDataQuery.all(Dataset.CANDLES)).forEachRemaining(candles::add);
            assertThat(candles.get(0)).isEqualTo(new Candle(BNB, ExchangeId.BINANCE, 1_601_510_340_000_000L,
                    1_601_510_399_999_000L, 4.1507, 4.1587, 4.1506, 4.1554, 539.23, 2240.398609, 13, 401.82, 1669.981213));
        }
    }

    @Test
    void importsFuturesTradesWithHeaderAndSpotTradesInMicroseconds() throws IOException {
        Path futures = dir.resolve("BNBUSDT-trades-2017-07.csv");
        Files.writeString(futures, """
                id,price,qty,quote_qty,time,is_buyer_maker
                28457,4.00000100,12.00000000,48.00,1499865549590,true
                """);
        Path spot = dir.resolve("BNBUSDT-trades-2025-01-01.csv");
        Files.writeString(spot, "51175358,17.80180000,5.69000000,101.29224200,1735689600123456,False,True\n");
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
            var importer = new MarketDataImporter(store);
            assertThat(importer.importFile(futures, null, BNB, ExchangeId.BINANCE, rows -> { }).format())
                    .isEqualTo(ImportFormat.BINANCE_TRADES);
            assertThat(importer.importFile(spot, null, BNB, ExchangeId.BINANCE, rows -> { }).rows()).isEqualTo(1);

            List<Trade> trades = new ArrayList<>();
            store.query(MarketDataQuery.all(Dataset.TRADES)).forEachRemaining(trades::add);
            assertThat(trades).containsExactly(
                    new Trade(BNB, ExchangeId.BINANCE, 1_499_865_549_590_000L, 4.000001, 12, Side.SELL),
                    new Trade(BNB, ExchangeId.BINANCE, 1_735_689_600_123_456L, 17.8018, 5.69, Side.BUY));
        }
    }

    @Test
    void importsAPlainTradeCsvWhereANegativeAmountIsASell() throws IOException {
        Path csv = dir.resolve("trades.csv");
        Files.writeString(csv, "timestamp,price,amount\n1709251200000,60000.5,-0.25\n2024-03-01T00:00:01.5Z,60001,0.1\n");
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "snappy"))) {
            List<Long> progress = new ArrayList<>();
            ImportReport report = new MarketDataImporter(store).importFile(csv, null, Coin.of("BTC"), ExchangeId.PAPER,
                    progress::add);

            assertThat(report.format()).isEqualTo(ImportFormat.TRADES_CSV);
            assertThat(progress).containsExactly(2L);
            List<Trade> trades = new ArrayList<>();
            store.query(MarketDataQuery.all(Dataset.TRADES)).forEachRemaining(trades::add);
            assertThat(trades).containsExactly(
                    new Trade(Coin.of("BTC"), ExchangeId.PAPER, 1_709_251_200_000_000L, 60000.5, 0.25, Side.SELL),
                    new Trade(Coin.of("BTC"), ExchangeId.PAPER, 1_709_251_201_500_000L, 60001, 0.1, Side.BUY));
        }
    }

    @Test
    void aBadLineNamesItsNumberAndAnUnknownFileAsksForAFormat() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "timestamp,price,amount\n1709251200000,60000.5,0.25\n1709251200001,oops,1\n");
        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "a;b;c\n");
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
            var importer = new MarketDataImporter(store);
            assertThatThrownBy(() -> importer.importFile(csv, null, BNB, ExchangeId.BINANCE, rows -> { }))
                    .hasMessageStartingWith("bad.csv line 3: ");
            assertThatThrownBy(() -> importer.importFile(unknown, null, BNB, ExchangeId.BINANCE, rows -> { }))
                    .hasMessage("cannot tell the format from the first line 'a;b;c'; pass --format "
                            + "(binance-klines, binance-trades, trades-csv)");
        }
    }

    private static void zip(Path zip, String entry, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            zipped.putNextEntry(new ZipEntry(entry));
            zipped.write(content.getBytes(StandardCharsets.US_ASCII));
            zipped.closeEntry();
        }
    }
}
