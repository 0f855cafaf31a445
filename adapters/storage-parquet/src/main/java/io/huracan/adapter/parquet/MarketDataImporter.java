package io.huracan.adapter.parquet;

import io.huracan.ports.market.Candle;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Imports the CSV files people already download (see {@link ImportFormat}), zipped or not, into a
 * {@link MarketDataStore}: klines to candles, trades to trades. A bad line stops the import with its line number.
 */
public final class MarketDataImporter {
    private static final int PROGRESS_EVERY = 100_000;
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L; // 1e14: above it a Binance time is in us

    private final MarketDataStore store;

    public MarketDataImporter(MarketDataStore store) {
        this.store = store;
    }

    /**
     * Imports one file. {@code format} null means detect it from the first line. {@code progress} receives the
     * rows imported so far every 100,000 rows.
     */
    public ImportReport importFile(Path file, ImportFormat format, Coin coin, ExchangeId exchange, LongConsumer progress)
            throws IOException {
        try (BufferedReader reader = open(file)) {
            reader.mark(64 * 1024);
            String first = reader.readLine();
            reader.reset();
            ImportFormat chosen = format != null ? format : ImportFormat.detect(first);
            TreeMap<LocalDate, Long> perDay = new TreeMap<>();
            if (chosen == ImportFormat.BINANCE_KLINES) {
                try (DatasetWriter<Candle> writer = store.writer(Dataset.CANDLES)) {
                    readLines(file, reader, progress, (fields, line) -> {
                        Candle candle = kline(fields, coin, exchange);
                        writer.write(candle);
                        count(perDay, candle.openTimeMicros());
                    });
                }
            } else {
                boolean csv = chosen == ImportFormat.TRADES_CSV;
                try (DatasetWriter<Trade> writer = store.writer(Dataset.TRADES)) {
                    readLines(file, reader, progress, (fields, line) -> {
                        Trade trade = csv ? plainTrade(fields, coin, exchange) : binanceTrade(fields, coin, exchange);
                        writer.write(trade);
                        count(perDay, trade.timestampMicros());
                    });
                }
            }
            return new ImportReport(chosen, perDay);
        }
    }

    private interface LineHandler {
        void accept(String[] fields, long line);
    }

    private static void readLines(Path file, BufferedReader reader, LongConsumer progress, LineHandler handler)
            throws IOException {
        long lineNumber = 0;
        long rows = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || (lineNumber == 1 && !Character.isDigit(line.charAt(0)) && line.charAt(0) != '-')) {
                continue; // a header
            }
            try {
                handler.accept(line.split(",", -1), lineNumber);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + lineNumber + ": " + e.getMessage()
                        + " in '" + (line.length() > 100 ? line.substring(0, 100) + "..." : line) + "'");
            }
            if (++rows % PROGRESS_EVERY == 0) {
                progress.accept(rows);
            }
        }
        progress.accept(rows);
    }

    private static Candle kline(String[] f, Coin coin, ExchangeId exchange) {
        require(f, 11);
        return new Candle(coin, exchange, binanceMicros(f[0]), binanceMicros(f[6]) , number(f[1]), number(f[2]),
                number(f[3]), number(f[4]), number(f[5]), number(f[7]), Long.parseLong(f[8].strip()), number(f[9]),
                number(f[10]));
    }

    private static Trade binanceTrade(String[] f, Coin coin, ExchangeId exchange) {
        require(f, 6);
        boolean buyerIsMaker = Boolean.parseBoolean(f[5].strip().toLowerCase(Locale.ROOT));
        return new Trade(coin, exchange, binanceMicros(f[4]), number(f[1]), number(f[2]),
                buyerIsMaker ? Side.SELL : Side.BUY);
    }

    private static Trade plainTrade(String[] f, Coin coin, ExchangeId exchange) {
        require(f, 3);
        double amount = number(f[2]);
        return new Trade(coin, exchange, anyEpochMicros(f[0].strip()), number(f[1]), Math.abs(amount),
                amount < 0 ? Side.SELL : Side.BUY);
    }

    private static void require(String[] fields, int count) {
        if (fields.length < count) {
            throw new IllegalArgumentException(fields.length + " fields, expected at least " + count);
        }
    }

    private static double number(String text) {
        return Double.parseDouble(text.strip());
    }

    static long binanceMicros(String text) {
        long value = Long.parseLong(text.strip());
        return value >= MICROS_THRESHOLD ? value : value * 1_000;
    }

    /** Epoch seconds, ms, us or ns told apart by magnitude, or an ISO-8601 instant. */
    static long anyEpochMicros(String text) {
        if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-') && !text.contains("T")) {
            double value = Double.parseDouble(text);
            double magnitude = Math.abs(value);
            if (magnitude < 1e11) {
                return Math.round(value * 1e6);
            }
            if (magnitude < 1e14) {
                return Math.round(value * 1e3);
            }
            return magnitude < 1e17 ? (long) value : (long) (value / 1e3);
        }
        try {
            Instant instant = Instant.parse(text);
            return Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + instant.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp '" + text + "' is neither epoch seconds/ms/us/ns nor ISO-8601");
        }
    }

    private static void count(TreeMap<LocalDate, Long> perDay, long micros) {
        perDay.merge(Layout.dayOf(micros), 1L, Long::sum);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry = zip.getNextEntry();
            while (entry != null && (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv"))) {
                entry = zip.getNextEntry();
            }
            if (entry == null) {
                zip.close();
                throw new IllegalArgumentException(file.getFileName() + " holds no .csv file");
            }
            in = zip;
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
    }
}
