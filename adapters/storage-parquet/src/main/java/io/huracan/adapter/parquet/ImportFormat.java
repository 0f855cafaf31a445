package io.huracan.adapter.parquet;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The files {@link MarketDataImporter} reads. Binance's public data files (data.binance.vision): spot files have
 * no header, USD-M futures files start with one; timestamps are milliseconds, or microseconds in spot files from
 * 2025 on (told apart by size).
 * <ul>
 * <li>{@code binance-klines}: open time, open, high, low, close, volume, close time, quote asset volume, number of
 * trades, taker buy base volume, taker buy quote volume, ignore.</li>
 * <li>{@code binance-trades}: trade id, price, qty, quoteQty, time, isBuyerMaker[, isBestMatch] (spot has the
 * seventh column, futures not).</li>
 * <li>{@code trades-csv}: timestamp, price, amount; the timestamp is epoch seconds, ms, us or ns (by size) or
 * ISO-8601; a negative amount is a sell.</li>
 * </ul>
 */
public enum ImportFormat {
    BINANCE_KLINES,
    BINANCE_TRADES,
    TRADES_CSV;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ImportFormat fromKey(String key) {
        for (ImportFormat format : values()) {
            if (format.key().equals(key)) {
                return format;
            }
        }
        throw new IllegalArgumentException("format '" + key + "' is unknown; allowed: " + allowedKeys());
    }

    public static String allowedKeys() {
        return Arrays.stream(values()).map(ImportFormat::key).collect(Collectors.joining(", "));
    }

    /** Recognises a file by its first line (a header, or the first row of a headerless Binance file). */
    public static ImportFormat detect(String firstLine) {
        String line = firstLine == null ? "" : firstLine.strip().toLowerCase(Locale.ROOT);
        String[] fields = line.split(",", -1);
        if (line.startsWith("open_time,")) {
            return BINANCE_KLINES;
        }
        if (line.startsWith("id,price,qty,")) {
            return BINANCE_TRADES;
        }
        if (line.equals("timestamp,price,amount")) {
            return TRADES_CSV;
        }
        if (fields.length == 12 && isNumber(fields[0]) && isNumber(fields[6])) {
            return BINANCE_KLINES;
        }
        if ((fields.length == 7 || fields.length == 6) && isNumber(fields[0]) && isBoolean(fields[5])) {
            return BINANCE_TRADES;
        }
        if (fields.length == 3 && isNumber(fields[1]) && isNumber(fields[2])) {
            return TRADES_CSV;
        }
        throw new IllegalArgumentException("cannot tell the format from the first line '" + abbreviate(firstLine)
                + "'; pass --format (" + allowedKeys() + ")");
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }

    private static boolean isBoolean(String text) {
        return text.equals("true") || text.equals("false");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
