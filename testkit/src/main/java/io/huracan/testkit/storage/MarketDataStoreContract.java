package io.huracan.testkit.storage;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Candle;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.Partition;
import io.huracan.ports.storage.QueryOrder;
import io.huracan.ports.storage.RowCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link MarketDataStore} must do. An adapter's test extends this and says how to open a store on a
 * directory; the store is reopened on the same directory where a test needs to see what survives.
 */
public abstract class MarketDataStoreContract {
    protected static final long DAY = 86_400_000_000L;
    /** 2024-03-01T00:00:00Z in microseconds. */
    protected static final long MARCH_1 = 1_709_251_200_000_000L;
    protected static final Coin BTC = Coin.of("BTC");
    protected static final Coin ETH = Coin.of("ETH");
    protected static final Coin SOL = Coin.of("SOL");

    @TempDir
    protected Path root;
    protected MarketDataStore store;

    /** Opens the store under test on {@code root}. */
    protected abstract MarketDataStore open(Path root);

    @BeforeEach
    void openStore() {
        store = open(root);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static Trade trade(Coin coin, long micros, double price) {
        return new Trade(coin, ExchangeId.BINANCE, micros, price, 0.5, micros % 2 == 0 ? Side.BUY : Side.SELL);
    }

    protected static <T> List<T> all(RowCursor<T> cursor) {
        List<T> rows = new ArrayList<>();
        try (cursor) {
            cursor.forEachRemaining(rows::add);
        }
        return rows;
    }

    protected <T> void writeAll(Dataset<T> dataset, List<T> rows) {
        try (DatasetWriter<T> writer = store.writer(dataset)) {
            rows.forEach(writer::write);
        }
    }

    @Test
    void rowsComeBackEqualAndInTimeOrderPerCoin() {
        List<Trade> written = List.of(
                trade(ETH, MARCH_1 + 30, 3000), trade(BTC, MARCH_1 + 20, 60000), trade(BTC, MARCH_1 + 10, 59990),
                trade(ETH, MARCH_1 + DAY + 5, 3100), trade(BTC, MARCH_1 + DAY + 1, 61000));
        writeAll(Dataset.TRADES, written);

        List<Trade> read = all(store.query(MarketDataQuery.all(Dataset.TRADES)));

        assertThat(read).containsExactly(written.get(2), written.get(1), written.get(4), written.get(0), written.get(3));
    }

    @Test
    void mergedOrderInterleavesCoinsByTimeWithTiesByCoin() {
        writeAll(Dataset.TRADES, List.of(trade(SOL, MARCH_1 + 1, 150), trade(BTC, MARCH_1 + 2, 60000),
                trade(ETH, MARCH_1 + 1, 3000), trade(BTC, MARCH_1 + DAY, 60100), trade(SOL, MARCH_1 + 3, 151)));

        List<Trade> read = all(store.query(MarketDataQuery.all(Dataset.TRADES).withOrder(QueryOrder.MERGED_BY_TIME)));

        assertThat(read).extracting(t -> t.coin().symbol() + "@" + (t.timestampMicros() - MARCH_1))
                .containsExactly("ETH@1", "SOL@1", "BTC@2", "SOL@3", "BTC@" + DAY);
    }

    @Test
    void timeRangeIsHalfOpenAndCoinsAreFiltered() {
        List<Trade> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(trade(BTC, MARCH_1 + i * DAY / 4, 100 + i));
            rows.add(trade(ETH, MARCH_1 + i * DAY / 4, 10 + i));
        }
        writeAll(Dataset.TRADES, rows);

        // [Mar 1 12:00, Mar 2 12:00): quarter-day steps 2, 3, 4, 5 of BTC only
        List<Trade> read = all(store.query(new MarketDataQuery<>(Dataset.TRADES, Set.of(BTC), MARCH_1 + DAY / 2,
                MARCH_1 + 3 * DAY / 2, QueryOrder.BY_COIN)));

        assertThat(read).extracting(Trade::price).containsExactly(102.0, 103.0, 104.0, 105.0);
    }

    @Test
    void everyDatasetRoundTrips() {
        BookTop top = new BookTop(BTC, ExchangeId.OKX, MARCH_1 + 7, 59999.5, 1.25, 60000.5, 0.75);
        Candle candle = new Candle(ETH, ExchangeId.BINANCE, MARCH_1, MARCH_1 + 59_999_999, 3000, 3010, 2990, 3005,
                12.5, 37_550, 42, 6.25, 18_800);
        FundingRate funding = new FundingRate(SOL, ExchangeId.BYBIT, MARCH_1 + 3, 0.0001, MARCH_1 + 8 * 3_600_000_000L,
                8 * 3_600_000_000L);
        double[] values = new double[Feature.COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5 - 1;
        }
        FeatureVector features = new FeatureVector(BTC, MARCH_1 + 11, values);
        writeAll(Dataset.BOOK_TOPS, List.of(top));
        writeAll(Dataset.CANDLES, List.of(candle));
        writeAll(Dataset.FUNDING, List.of(funding));
        writeAll(Dataset.FEATURES, List.of(features));

        assertThat(all(store.query(MarketDataQuery.all(Dataset.BOOK_TOPS)))).containsExactly(top);
        assertThat(all(store.query(MarketDataQuery.all(Dataset.CANDLES)))).containsExactly(candle);
        assertThat(all(store.query(MarketDataQuery.all(Dataset.FUNDING)))).containsExactly(funding);
        List<FeatureVector> readFeatures = all(store.query(MarketDataQuery.all(Dataset.FEATURES)));
        assertThat(readFeatures).hasSize(1);
        assertThat(readFeatures.get(0).values()).containsExactly(values);
    }

    @Test
    void appendingToADayAddsAPartThatCompactionMerges() {
        writeAll(Dataset.TRADES, List.of(trade(BTC, MARCH_1 + 10, 1), trade(BTC, MARCH_1 + 30, 3)));
        writeAll(Dataset.TRADES, List.of(trade(BTC, MARCH_1 + 20, 2), trade(BTC, MARCH_1 + 40, 4)));

        assertThat(store.partitions(Dataset.TRADES)).containsExactly(
                new Partition(Dataset.TRADES, BTC, LocalDate.of(2024, 3, 1), 2, 4,
                        store.partitions(Dataset.TRADES).get(0).bytes()));
        assertThat(all(store.query(MarketDataQuery.all(Dataset.TRADES)))).extracting(Trade::price)
                .containsExactly(1.0, 2.0, 3.0, 4.0);

        var result = store.compact(Dataset.TRADES);

        assertThat(result.partitionsCompacted()).isEqualTo(1);
        assertThat(result.filesMerged()).isEqualTo(2);
        assertThat(store.partitions(Dataset.TRADES)).singleElement().satisfies(p -> {
            assertThat(p.files()).isEqualTo(1);
            assertThat(p.rows()).isEqualTo(4);
        });
        assertThat(all(store.query(MarketDataQuery.all(Dataset.TRADES)))).extracting(Trade::price)
                .containsExactly(1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void pruneDeletesDaysBeforeTheCutoffOnly() {
        writeAll(Dataset.TRADES, List.of(trade(BTC, MARCH_1, 1), trade(BTC, MARCH_1 + DAY, 2),
                trade(ETH, MARCH_1 + 2 * DAY, 3)));

        var result = store.prune(LocalDate.of(2024, 3, 2));

        assertThat(result.partitionsDeleted()).isEqualTo(1);
        assertThat(store.partitions(Dataset.TRADES)).extracting(Partition::day)
                .containsExactly(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 3));
    }

    @Test
    void aWriterThatIsNeverClosedLeavesNothingVisibleAndAFlushMakesRowsVisible() {
        DatasetWriter<Trade> writer = store.writer(Dataset.TRADES);
        writer.write(trade(BTC, MARCH_1, 1));
        assertThat(all(store.query(MarketDataQuery.all(Dataset.TRADES)))).isEmpty();

        writer.flush();

        assertThat(all(store.query(MarketDataQuery.all(Dataset.TRADES)))).hasSize(1);
        assertThat(writer.rowsWritten()).isEqualTo(1);
        writer.close();
    }

    @Test
    void aQueryOnlyOpensTheMatchingPartitions() {
        List<Trade> rows = new ArrayList<>();
        for (Coin coin : List.of(BTC, ETH, SOL)) {
            for (int day = 0; day < 5; day++) {
                rows.add(trade(coin, MARCH_1 + day * DAY + 1, 100 + day));
            }
        }
        writeAll(Dataset.TRADES, rows);

        try (RowCursor<Trade> cursor = store.query(new MarketDataQuery<>(Dataset.TRADES, Set.of(ETH), MARCH_1 + 2 * DAY,
                MARCH_1 + 3 * DAY, QueryOrder.BY_COIN))) {
            assertThat(cursor).toIterable().extracting(Trade::price).containsExactly(102.0);
            assertThat(cursor.stats().filesOpened()).isEqualTo(1);
            assertThat(cursor.stats().rowsReturned()).isEqualTo(1);
        }
    }

    @Test
    void mergedStreamOfManyRowsIsSortedAndComplete() {
        List<Trade> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            Coin coin = List.of(BTC, ETH, SOL).get(random.nextInt(3));
            rows.add(trade(coin, MARCH_1 + random.nextInt(3) * DAY + random.nextInt(1_000_000), 1 + random.nextInt(100)));
        }
        writeAll(Dataset.TRADES, rows);

        List<Trade> read = all(store.query(MarketDataQuery.all(Dataset.TRADES).withOrder(QueryOrder.MERGED_BY_TIME)));

        // a stable sort of what was written: equal (time, coin) rows keep their arrival order
        List<Trade> expected = new ArrayList<>(rows);
        expected.sort(Comparator.comparingLong(Trade::timestampMicros).thenComparing(Trade::coin));
        assertThat(read).containsExactlyElementsOf(expected);
    }
}
