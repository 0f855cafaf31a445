package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.UnreadableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A writer killed mid-write leaves no partial partition; an unreadable file is quarantined with a clear error. */
class CrashSafetyTest {
    static final long MARCH_1 = 1_709_251_200_000_000L;
    static final long DAY = 86_400_000_000L;

    @TempDir
    Path root;

    /** The child's output, outside the store's root (whose files the test counts) and deleted with it. */
    @TempDir
    Path logs;

    /** The child process: writes a complete day 1, then a large day 2 until it is killed. */
    public static void main(String[] args) {
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(Path.of(args[0]), "zstd")
                .withWriteBufferRows(50_000_000));
             DatasetWriter<Trade> writer = store.writer(Dataset.TRADES)) {
            Coin btc = Coin.of("BTC");
            for (int i = 0; i < 1_000; i++) {
                writer.write(new Trade(btc, ExchangeId.BINANCE, MARCH_1 + i, 100, 1, Side.BUY));
            }
            writer.flush();
            for (long i = 0; i < 40_000_000L; i++) {
                writer.write(new Trade(btc, ExchangeId.BINANCE, MARCH_1 + DAY + i, 100 + i % 10, 1, Side.SELL));
            }
        }
        System.out.println("finished");
    }

    @Test
    void aWriterKilledMidWriteLeavesNoReadablePartialPartition() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                CrashSafetyTest.class.getName(), root.toString()).redirectErrorStream(true)
                .redirectOutput(logs.resolve("child.log").toFile()).start();
        Path btc = root.resolve("trades/BTC");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (child.isAlive() && largestTempFile(btc) < 256 * 1024 && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("the child must still be writing when it is killed").isTrue();
        child.destroyForcibly().waitFor();

        assertThat(largestTempFile(btc)).as("a temporary file was being written").isPositive();
        assertThat(names(btc)).contains("20240301.parquet").doesNotContain("20240302.parquet");
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(root, "zstd"))) {
            assertThat(names(btc)).as("the store removes the dead writer's temporary file")
                    .containsExactly("20240301.parquet");
            assertThat(store.query(MarketDataQuery.all(Dataset.TRADES))).toIterable().hasSize(1_000);
        }
        try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var sql = duck.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM read_parquet('" + btc + "/*.parquet')")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1_000);
        }
    }

    @Test
    void anUnreadableFileIsQuarantinedWithAClearError() throws IOException {
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(root, "zstd"))) {
            try (DatasetWriter<Trade> writer = store.writer(Dataset.TRADES)) {
                writer.write(new Trade(Coin.of("ETH"), ExchangeId.OKX, MARCH_1, 3000, 1, Side.BUY));
            }
            Path file = root.resolve("trades/ETH/20240301.parquet");
            Files.write(file, new byte[] {'n', 'o', 't', ' ', 'p', 'a', 'r', 'q', 'u', 'e', 't'});

            assertThatThrownBy(() -> store.query(MarketDataQuery.all(Dataset.TRADES)).forEachRemaining(t -> { }))
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessageStartingWith("trades/ETH/20240301.parquet is unreadable (")
                    .hasMessageContaining("moved to " + root.resolve("_quarantine/trades/ETH/20240301.parquet"));
            assertThat(file).doesNotExist();
            assertThat(store.quarantined()).singleElement()
                    .satisfies(q -> assertThat(q.originalPath()).isEqualTo("trades/ETH/20240301.parquet"));
            assertThat(store.query(MarketDataQuery.all(Dataset.TRADES))).toIterable().isEmpty();
        }
    }

    private static long largestTempFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).mapToLong(f -> f.toFile().length())
                    .max().orElse(0);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
