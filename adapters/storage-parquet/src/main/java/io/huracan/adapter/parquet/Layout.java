package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.StorageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where files live: {@code <root>/<dataset>/<COIN>/<YYYYMMDD>[-N].parquet}, temporary files as hidden
 * {@code .<YYYYMMDD>.<pid>.<n>.tmp} beside them, and {@code <root>/_quarantine/...}. Every path it returns is
 * checked to be inside the root.
 */
final class Layout {
    static final long MICROS_PER_DAY = 86_400_000_000L;
    static final String QUARANTINE = "_quarantine";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern PART = Pattern.compile("(\\d{8})(?:-(\\d{1,9}))?\\.parquet");
    private static final Pattern TEMP = Pattern.compile("\\.\\d{8}\\.(\\d+)\\.\\d+\\.tmp");

    private final Path root;

    Layout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    static LocalDate dayOf(long micros) {
        return LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
    }

    static long startMicros(LocalDate day) {
        return day.toEpochDay() * MICROS_PER_DAY;
    }

    Path datasetDir(Dataset<?> dataset) {
        return inside(root.resolve(dataset.name()));
    }

    Path coinDir(Dataset<?> dataset, Coin coin) {
        return inside(datasetDir(dataset).resolve(coin.symbol()));
    }

    static String fileName(LocalDate day, int part) {
        return part == 0 ? DAY.format(day) + ".parquet" : DAY.format(day) + "-" + part + ".parquet";
    }

    Path tempFile(Path dir, LocalDate day) {
        return inside(dir.resolve("." + DAY.format(day) + "." + ProcessHandle.current().pid() + "."
                + Math.abs(ThreadLocalRandom.current().nextLong()) + ".tmp"));
    }

    /** The coins that have a directory under the dataset, sorted. */
    List<Coin> coins(Dataset<?> dataset) {
        Path dir = datasetDir(dataset);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Coin> coins = new ArrayList<>();
        for (Path child : list(dir)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child) && name.matches("[A-Z0-9]{1,20}")) {
                coins.add(Coin.of(name));
            }
        }
        coins.sort(Comparator.naturalOrder());
        return coins;
    }

    /** The files of one coin by day, each day's files in part order. Temporary and foreign files are ignored. */
    NavigableMap<LocalDate, List<PartFile>> partFiles(Dataset<?> dataset, Coin coin) {
        NavigableMap<LocalDate, List<PartFile>> days = new TreeMap<>();
        Path dir = coinDir(dataset, coin);
        if (!Files.isDirectory(dir)) {
            return days;
        }
        for (Path file : list(dir)) {
            Matcher m = PART.matcher(file.getFileName().toString());
            if (m.matches() && Files.isRegularFile(file)) {
                LocalDate day = LocalDate.parse(m.group(1), DAY);
                int part = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                days.computeIfAbsent(day, d -> new ArrayList<>()).add(new PartFile(file, day, part));
            }
        }
        days.values().forEach(files -> files.sort(Comparator.comparingInt(PartFile::part)));
        return days;
    }

    /** Temporary files left by processes that no longer run (a crash mid-write); safe to delete. */
    List<Path> orphanedTempFiles() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, 3)) {
            return walk.filter(path -> {
                Matcher m = TEMP.matcher(path.getFileName().toString());
                return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
            }).toList();
        } catch (IOException e) {
            throw new StorageException("cannot scan " + root + " for temporary files: " + e.getMessage(), e);
        }
    }

    Path quarantineFor(Path file) {
        Path relative = root.relativize(inside(file));
        return inside(root.resolve(QUARANTINE).resolve(relative));
    }

    Path quarantineDir() {
        return inside(root.resolve(QUARANTINE));
    }

    String relative(Path file) {
        return root.relativize(inside(file)).toString();
    }

    /** Refuses any path that would leave the root. */
    Path inside(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        if (!normal.startsWith(root)) {
            throw new StorageException(path + " is outside the storage root " + root + "; refusing to touch it");
        }
        return normal;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
