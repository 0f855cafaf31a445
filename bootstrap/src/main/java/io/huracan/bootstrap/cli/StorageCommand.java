package io.huracan.bootstrap.cli;

import io.huracan.adapter.parquet.ImportFormat;
import io.huracan.adapter.parquet.ImportReport;
import io.huracan.adapter.parquet.MarketDataImporter;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.bootstrap.config.StorageSection;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.storage.CompactionResult;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.Partition;
import io.huracan.ports.storage.PruneResult;
import io.huracan.ports.storage.QueryOrder;
import io.huracan.ports.storage.RowCursor;
import io.huracan.ports.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code huracan storage import|ls|query|prune|compact}: the Parquet store under engine.storage.root. */
@Command(name = "storage", mixinStandardHelpOptions = true,
        description = "Import, list, query, prune and compact stored market history (engine.storage.root).",
        subcommands = {StorageCommand.Import.class, StorageCommand.Ls.class, StorageCommand.Query.class,
                StorageCommand.Prune.class, StorageCommand.Compact.class})
final class StorageCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every storage subcommand shares: the config, the store, and one-line errors with exit codes. */
    abstract static class StorageTask implements Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Spec
        CommandSpec spec;

        StorageSection section;

        @Override
        public final Integer call() {
            section = config.load().storage();
            try (MarketDataStore store = AdapterSelection.marketDataStore(section)) {
                return run(store, spec.commandLine().getOut());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("huracan " + spec.qualifiedName().replace("huracan ", "") + ": "
                        + e.getMessage());
                return HuracanCli.EXIT_USAGE;
            } catch (StorageException | IOException e) {
                spec.commandLine().getErr().println("huracan " + spec.qualifiedName().replace("huracan ", "") + ": "
                        + e.getMessage());
                return HuracanCli.EXIT_FAILURE;
            }
        }

        abstract int run(MarketDataStore store, PrintWriter out) throws IOException;

        static List<Dataset<?>> datasets(String name) {
            return name == null ? Dataset.all() : List.of(Dataset.fromName(name));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import Binance public data files (klines or trades CSV, zipped or not) or a "
                    + "timestamp,price,amount CSV; prints the rows written per day.")
    static final class Import extends StorageTask {
        @Option(names = "--format", paramLabel = "FORMAT",
                description = "binance-klines, binance-trades or trades-csv; detected from the first line if omitted.")
        String format;
        @Option(names = "--coin", required = true, paramLabel = "COIN", description = "The base asset, e.g. BTC.")
        String coin;
        @Option(names = "--exchange", defaultValue = "binance", paramLabel = "EXCHANGE",
                description = "The venue the rows came from (default: ${DEFAULT-VALUE}).")
        String exchange;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
        List<Path> files;

        @Override
        int run(MarketDataStore store, PrintWriter out) throws IOException {
            ImportFormat chosen = format == null ? null : ImportFormat.fromKey(format);
            Coin base = Coin.of(coin);
            ExchangeId venue = ExchangeId.fromKey(exchange);
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(file + ": no such file");
                }
            }
            boolean terminal = System.console() != null;
            MarketDataImporter importer = new MarketDataImporter(store);
            for (Path file : files) {
                ImportReport report;
                try {
                    report = importer.importFile(file, chosen, base, venue, rows -> {
                        if (terminal) {
                            System.err.printf("\r%s: %,d rows", file.getFileName(), rows);
                        }
                    });
                } catch (NoSuchFileException e) {
                    throw new IllegalArgumentException(file + ": no such file");
                }
                if (terminal) {
                    System.err.println();
                }
                out.printf("%s: %s, %,d rows%n", file, report.format().key(), report.rows());
                report.rowsPerDay().forEach((day, rows) -> out.printf("  %s %s %,d rows%n", base, day, rows));
            }
            return 0;
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List stored partitions.")
    static final class Ls extends StorageTask {
        @Option(names = "--dataset", paramLabel = "DATASET", description = "trades, book_tops, candles, funding or features.")
        String dataset;

        @Override
        int run(MarketDataStore store, PrintWriter out) {
            out.printf("%-10s %-10s %-10s %5s %12s %12s%n", "dataset", "coin", "day", "files", "rows", "bytes");
            for (Dataset<?> each : datasets(dataset)) {
                for (Partition p : store.partitions(each)) {
                    out.printf("%-10s %-10s %-10s %5d %12d %12d%n", each, p.coin(), p.day(), p.files(), p.rows(), p.bytes());
                }
            }
            store.quarantined().forEach(q -> out.printf("quarantined %s: %s%n", q.originalPath(), q.reason()));
            return 0;
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Print rows as CSV, by coin or (--merged) merged across coins by time.")
    static final class Query extends StorageTask {
        @Option(names = "--dataset", defaultValue = "trades", paramLabel = "DATASET", description = "Default: ${DEFAULT-VALUE}.")
        String dataset;
        @Option(names = "--coin", paramLabel = "COIN", description = "Repeat for several coins; all coins if omitted.")
        List<String> coins = new ArrayList<>();
        @Option(names = "--from", paramLabel = "TIME", description = "Inclusive: a UTC day (2024-03-01) or an instant.")
        String from;
        @Option(names = "--to", paramLabel = "TIME", description = "Exclusive: a UTC day or an instant.")
        String to;
        @Option(names = "--merged", description = "One stream in time order across coins.")
        boolean merged;
        @Option(names = "--limit", defaultValue = "-1", paramLabel = "N", description = "Stop after N rows.")
        long limit;

        @Override
        int run(MarketDataStore store, PrintWriter out) {
            return print(store, Dataset.fromName(dataset), out);
        }

        private <T> int print(MarketDataStore store, Dataset<T> chosen, PrintWriter out) {
            Set<Coin> coinSet = coins.stream().map(Coin::of).collect(Collectors.toSet());
            var query = new MarketDataQuery<>(chosen, coinSet, from == null ? Long.MIN_VALUE : micros(from, "--from"),
                    to == null ? Long.MAX_VALUE : micros(to, "--to"), merged ? QueryOrder.MERGED_BY_TIME : QueryOrder.BY_COIN);
            RecordComponent[] components = chosen.recordType().getRecordComponents();
            out.println(java.util.Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(",")));
            long printed = 0;
            try (RowCursor<T> cursor = store.query(query)) {
                while ((limit < 0 || printed < limit) && cursor.hasNext()) {
                    out.println(csv(cursor.next(), components));
                    printed++;
                }
            }
            return 0;
        }

        private static String csv(Object row, RecordComponent[] components) {
            StringBuilder line = new StringBuilder();
            for (RecordComponent component : components) {
                if (line.length() > 0) {
                    line.append(',');
                }
                try {
                    Object value = component.getAccessor().invoke(row);
                    line.append(value instanceof double[] array ? java.util.Arrays.stream(array)
                            .mapToObj(Double::toString).collect(Collectors.joining(";")) : String.valueOf(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return line.toString();
        }

        private static long micros(String text, String option) {
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
                }
                Instant instant = Instant.parse(text);
                return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " '" + text
                        + "' is invalid; allowed: a UTC day (2024-03-01) or an instant (2024-03-01T12:00:00Z)");
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete partitions older than the retention (engine.storage.retention_days).")
    static final class Prune extends StorageTask {
        @Option(names = "--keep-days", paramLabel = "N", description = "Keep the last N UTC days (default: retention_days).")
        Integer keepDays;

        @Override
        int run(MarketDataStore store, PrintWriter out) {
            int days = keepDays == null ? section.retentionDays() : keepDays;
            if (days < 1) {
                throw new IllegalArgumentException("--keep-days " + days + " is invalid; allowed: >= 1");
            }
            LocalDate keepFrom = LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L);
            PruneResult result = store.prune(keepFrom);
            out.printf("pruned %d partitions (%d files, %,d bytes) before %s%n", result.partitionsDeleted(),
                    result.filesDeleted(), result.bytesFreed(), keepFrom);
            return 0;
        }
    }

    @Command(name = "compact", mixinStandardHelpOptions = true,
            description = "Merge each partition's part files into one file, rows in time order.")
    static final class Compact extends StorageTask {
        @Option(names = "--dataset", paramLabel = "DATASET", description = "All datasets if omitted.")
        String dataset;

        @Override
        int run(MarketDataStore store, PrintWriter out) {
            for (Dataset<?> each : datasets(dataset)) {
                CompactionResult result = store.compact(each);
                out.printf("%s: compacted %d partitions (%d files, %,d rows)%n", each, result.partitionsCompacted(),
                        result.filesMerged(), result.rowsRewritten());
            }
            return 0;
        }
    }
}
