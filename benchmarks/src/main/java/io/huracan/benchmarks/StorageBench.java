package io.huracan.benchmarks;

import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code huracan bench storage}: writes {@code coins x days} trade partitions through the Parquet store, scans
 * them all, and queries one coin-day; then runs the same scan and query with DuckDB on the same files. Every
 * row is materialised on both sides (our cursor builds a Trade, DuckDB's JDBC result set is read column by column).
 */
@Command(name = "storage", mixinStandardHelpOptions = true,
        description = "Parquet store: write rows/s, full-scan rows/s and a pruned coin-day query, against DuckDB.")
public final class StorageBench implements Callable<Integer> {
    private static final long DAY = 86_400_000_000L;
    private static final long START = 1_709_251_200_000_000L; // 2024-03-01

    @Option(names = "--coins", defaultValue = "400", description = "Coins (default ${DEFAULT-VALUE}).")
    int coins;
    @Option(names = "--days", defaultValue = "30", description = "UTC days (default ${DEFAULT-VALUE}).")
    int days;
    @Option(names = "--rows-per-partition", defaultValue = "1000", description = "Trades per coin-day (default ${DEFAULT-VALUE}).")
    int rowsPerPartition;
    @Option(names = "--compression", defaultValue = "zstd", description = "zstd or snappy (default ${DEFAULT-VALUE}).")
    String compression;
    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() throws IOException, SQLException {
        var scratch = ScratchDirectory.create("huracan-bench-storage");
        Path root = scratch.path();
        try (MarketDataStore store = ParquetStores.open(ParquetStoreSettings.of(root, compression))) {
            Coin[] coinIds = new Coin[coins];
            for (int c = 0; c < coins; c++) {
                coinIds[c] = Coin.of("C" + c);
            }
            long totalRows = (long) coins * days * rowsPerPartition;
            BenchProgress.phase("storage", String.format("writing %,d trades (%d coins x %d days x %,d rows)", totalRows, coins, days, rowsPerPartition));
            // process CPU as well as wall time: other jobs share the machine's cores
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double loadBefore = os.getSystemLoadAverage();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            try (DatasetWriter<Trade> writer = store.writer(Dataset.TRADES)) {
                long step = DAY / rowsPerPartition;
                for (int day = 0; day < days; day++) {
                    for (int i = 0; i < rowsPerPartition; i++) {
                        long time = START + day * DAY + i * step;
                        for (int c = 0; c < coins; c++) {
                            writer.write(new Trade(coinIds[c], ExchangeId.BINANCE, time + c, 100 + (i % 500) * 0.01,
                                    0.001 * (1 + (i + c) % 50), (i + c) % 3 == 0 ? Side.SELL : Side.BUY));
                        }
                    }
                }
            }
            double writeRowsPerSecond = totalRows / seconds(start);
            double writeCpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;

            BenchProgress.phase("storage", "scanning");
            double scanRowsPerSecond = scan(store, totalRows);
            Coin pruned = coinIds[coins / 2];
            long dayStart = START + (days / 2) * DAY;
            var coinDay = new MarketDataQuery<>(Dataset.TRADES, Set.of(pruned), dayStart, dayStart + DAY, QueryOrder.BY_COIN);
            double prunedMs = medianMillis(() -> count(store.query(coinDay), rowsPerPartition));

            BenchProgress.phase("storage", "DuckDB");
            double duckScan;
            double duckPrunedMs;
            String glob = root.resolve("trades") + "/*/*.parquet";
            String day = LocalDate.ofEpochDay(dayStart / DAY).format(DateTimeFormatter.ISO_LOCAL_DATE);
            String coinDaySql = "SELECT epoch_us(timestamp), coin, exchange, price, quantity, aggressor FROM read_parquet('"
                    + root.resolve("trades").resolve(pruned.symbol()) + "/*.parquet') WHERE timestamp >= TIMESTAMPTZ '"
                    + day + " 00:00:00+00' AND timestamp < TIMESTAMPTZ '" + day + " 00:00:00+00' + INTERVAL 1 DAY";
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
                long duckStart = System.nanoTime();
                long rows = rows(sql, "SELECT epoch_us(timestamp), coin, exchange, price, quantity, aggressor FROM read_parquet('"
                        + glob + "')");
                duckScan = rows / seconds(duckStart);
                check(rows, totalRows);
                duckPrunedMs = medianMillis(() -> check(rows(sql, coinDaySql), rowsPerPartition));
            }

            BenchReport report = new BenchReport("storage", scanRowsPerSecond)
                    .put("write_rows_per_s", Math.round(writeRowsPerSecond))
                    .put("write_cpu_ns_per_row", Math.round(writeCpuSeconds * 1e9 / totalRows))
                    .put("load_avg_before", loadBefore)
                    .put("pruned_query_ms", prunedMs)
                    .put("duckdb_scan_rows_per_s", Math.round(duckScan))
                    .put("duckdb_pruned_query_ms", duckPrunedMs)
                    .put("scan_vs_duckdb", Math.round(scanRowsPerSecond / duckScan * 100) / 100.0)
                    .put("rows", totalRows)
                    .put("partitions", (long) coins * days)
                    .put("rows_per_partition", rowsPerPartition)
                    .put("bytes_on_disk", bytes(root))
                    .put("compression", compression);
            report.print(System.out, json);
            return 0;
        } finally {
            scratch.close();
        }
    }

    private interface Run {
        void run() throws SQLException;
    }

    private static double scan(MarketDataStore store, long expected) {
        long start = System.nanoTime();
        count(store.query(MarketDataQuery.all(Dataset.TRADES)), expected);
        return expected / seconds(start);
    }

    private static void count(RowCursor<Trade> cursor, long expected) {
        long rows = 0;
        double checksum = 0;
        try (cursor) {
            while (cursor.hasNext()) {
                checksum += cursor.next().price();
                rows++;
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("impossible checksum");
        }
        check(rows, expected);
    }

    private static long rows(Statement sql, String query) throws SQLException {
        long rows = 0;
        double checksum = 0;
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                checksum += result.getLong(1) + result.getDouble(4) + result.getDouble(5);
                result.getString(2);
                result.getString(3);
                result.getString(6);
                rows++;
            }
        }
        if (checksum == Double.MIN_VALUE) {
            throw new IllegalStateException("impossible checksum");
        }
        return rows;
    }

    private static void check(long rows, long expected) {
        if (rows != expected) {
            throw new IllegalStateException("read " + rows + " rows, expected " + expected);
        }
    }

    private static double medianMillis(Run run) throws SQLException {
        double[] millis = new double[21];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            run.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return Math.round(millis[millis.length / 2] * 1000) / 1000.0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long bytes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
