package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.QuarantinedFile;
import io.huracan.ports.storage.StorageException;
import io.huracan.ports.storage.UnreadableFileException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * The file operations of the store: publishing a batch (temporary file, then a hard link to the first free name,
 * so no reader sees a partial file and no writer replaces another's), opening files for reading with statistics
 * pushdown, and moving unreadable files to quarantine.
 */
final class StoredFiles {
    /** Footer key of a compacted base file: the highest part number merged into it. */
    static final String LAST_PART_KEY = "huracan.last_part";

    private final Layout layout;
    private final ThreadLocal<PartitionFileWriter> writers;
    private final Queue<PartitionFileWriter> created = new ConcurrentLinkedQueue<>();

    StoredFiles(Layout layout, String compression, int rowGroupRows) {
        this.layout = layout;
        // a writer holds a native compression context and its buffers: one per thread, closed with the store
        this.writers = ThreadLocal.withInitial(() -> {
            PartitionFileWriter writer = new PartitionFileWriter(PageCompressor.forName(compression), rowGroupRows);
            created.add(writer);
            return writer;
        });
    }

    /** Writes the batch (sorted by time first) as a new file of its partition and returns where it landed. */
    Path publish(RowCodec<?> rowCodec, Coin coin, LocalDate day, ColumnBatch batch) {
        Path dir = layout.coinDir(rowCodec.dataset(), coin);
        Path temp = layout.tempFile(dir, day);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir); // it throws (and fills a stack trace) when the directory exists
            }
            batch.sortByTime();
            writers.get().write(temp, rowCodec, coin, batch, Map.of());
            return linkToFreeName(temp, dir, day);
        } catch (IOException e) {
            throw new StorageException("cannot write " + layout.relative(dir) + "/" + Layout.fileName(day, 0) + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Writes a compacted day as the partition's base file, replacing the old base atomically. */
    void replaceBase(RowCodec<?> rowCodec, Coin coin, LocalDate day, ColumnBatch batch, int lastPart) throws IOException {
        Path dir = layout.coinDir(rowCodec.dataset(), coin);
        Path temp = layout.tempFile(dir, day);
        try {
            writers.get().write(temp, rowCodec, coin, batch, Map.of(LAST_PART_KEY, Integer.toString(lastPart)));
            Files.move(temp, dir.resolve(Layout.fileName(day, 0)), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteQuietly(temp);
        }
    }

    private Path linkToFreeName(Path temp, Path dir, LocalDate day) throws IOException {
        Path base = dir.resolve(Layout.fileName(day, 0));
        if (tryLink(base, temp)) {
            return base;
        }
        int part = Math.max(lastPartOf(base), highestPart(dir, day)) + 1;
        while (!tryLink(dir.resolve(Layout.fileName(day, part)), temp)) {
            part++;
        }
        return dir.resolve(Layout.fileName(day, part));
    }

    private static boolean tryLink(Path target, Path temp) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            if (Files.exists(target)) {
                return false;
            }
            Files.move(temp, target);
            return true;
        }
    }

    private int highestPart(Path dir, LocalDate day) throws IOException {
        String prefix = Layout.fileName(day, 0).replace(".parquet", "-");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".parquet"))
                    .mapToInt(n -> parsePart(n.substring(prefix.length(), n.length() - ".parquet".length())))
                    .max().orElse(0);
        }
    }

    private static int parsePart(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The part number a compacted base file has absorbed, 0 for a plain file or none. */
    int lastPartOf(Path base) {
        if (!Files.exists(base)) {
            return 0;
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(base))) {
            return parsePart(reader.getFileMetaData().getKeyValueMetaData().getOrDefault(LAST_PART_KEY, "0"));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Opens a file for reading rows in {@code [from, to)}: row groups whose timestamp statistics fall outside are
     * dropped at open. An unreadable file is quarantined and reported as {@link UnreadableFileException}.
     */
    ParquetFileReader open(Path file, long fromMicros, long toMicros, QueryCounters counters) {
        ParquetReadOptions.Builder options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .useStatsFilter(true)
                .useColumnIndexFilter(true)
                .useDictionaryFilter(false)
                .useBloomFilter(false);
        FilterPredicate range = timeRange(fromMicros, toMicros);
        if (range != null) {
            options.withRecordFilter(FilterCompat.get(range));
        }
        try {
            ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options.build());
            counters.filesOpened.incrementAndGet();
            return reader;
        } catch (IOException | RuntimeException e) {
            throw quarantine(file, e);
        }
    }

    private static FilterPredicate timeRange(long fromMicros, long toMicros) {
        var time = FilterApi.longColumn("timestamp");
        FilterPredicate from = fromMicros == Long.MIN_VALUE ? null : FilterApi.gtEq(time, fromMicros);
        FilterPredicate to = toMicros == Long.MAX_VALUE ? null : FilterApi.lt(time, toMicros);
        if (from != null && to != null) {
            return FilterApi.and(from, to);
        }
        return from != null ? from : to;
    }

    /** Rows in a file according to its footer, or -1 if it cannot be read (the file is then quarantined). */
    long rowCount(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
        } catch (IOException | RuntimeException e) {
            quarantine(file, e);
            return -1;
        }
    }

    /** Moves an unreadable file under {@code <root>/_quarantine} with a reason file beside it. */
    UnreadableFileException quarantine(Path file, Throwable cause) {
        String reason = String.valueOf(cause.getMessage()).lines().findFirst().orElse(cause.getClass().getSimpleName());
        Path target = layout.quarantineFor(file);
        try {
            Files.createDirectories(target.getParent());
            for (int n = 1; Files.exists(target); n++) {
                target = layout.inside(target.resolveSibling(file.getFileName() + "." + n));
            }
            Files.move(file, target);
            Files.writeString(target.resolveSibling(target.getFileName() + ".reason"), reason + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException(layout.relative(file) + " is unreadable (" + reason
                    + ") and could not be moved to quarantine: " + e.getMessage(), e);
        }
        return new UnreadableFileException(new QuarantinedFile(layout.relative(file), target, reason));
    }

    List<QuarantinedFile> quarantined() {
        Path dir = layout.quarantineDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<QuarantinedFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (file.getFileName().toString().endsWith(".reason")) {
                    continue;
                }
                Path reasonFile = file.resolveSibling(file.getFileName() + ".reason");
                String reason = Files.exists(reasonFile) ? Files.readString(reasonFile).strip() : "unknown";
                files.add(new QuarantinedFile(dir.relativize(file).toString(), file, reason));
            }
        } catch (IOException e) {
            throw new StorageException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(layout.inside(file));
        } catch (IOException e) {
            throw new StorageException("cannot delete " + layout.relative(file) + ": " + e.getMessage(), e);
        }
    }

    /** Frees the writers' compression contexts; called once the pool that used them has stopped. */
    void closeWriters() {
        for (PartitionFileWriter writer; (writer = created.poll()) != null; ) {
            writer.close();
        }
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is hidden from readers and removed when the store next opens
        }
    }
}
