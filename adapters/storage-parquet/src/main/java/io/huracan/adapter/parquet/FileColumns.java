package io.huracan.adapter.parquet;

import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.SchemaElement;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What every file of one dataset shares, prepared once per writer thread: the footer's schema and column orders,
 * and for each label column its dictionary (the whole vocabulary, so a label's index is its code) with the
 * labels' byte order for min/max statistics.
 */
final class FileColumns {
    /** Label columns track the codes a page holds in an int bit set. */
    static final int MAX_LABELS = 32;

    private final List<ColumnSpec> columns;
    private final List<SchemaElement> schema;
    private final List<ColumnOrder> orders;
    private final List<List<String>> paths;
    private final byte[][][] labels;
    private final byte[][] plainDictionaries;
    private final int[][] byteOrder;
    private final int[][] ranks;

    FileColumns(String dataset, List<ColumnSpec> columns) {
        this.columns = columns;
        this.schema = Schemas.of(dataset, columns);
        this.orders = Schemas.typeDefinedOrders(columns.size());
        this.paths = columns.stream().map(column -> List.of(column.name())).toList();
        int n = columns.size();
        labels = new byte[n][][];
        plainDictionaries = new byte[n][];
        byteOrder = new int[n][];
        ranks = new int[n][];
        for (int c = 0; c < n; c++) {
            if (columns.get(c).kind() != ColumnKind.LABEL) {
                continue;
            }
            List<String> vocabulary = columns.get(c).labels();
            if (vocabulary.isEmpty() || vocabulary.size() > MAX_LABELS) {
                throw new IllegalArgumentException("label column '" + columns.get(c).name() + "' has "
                        + vocabulary.size() + " labels; allowed: 1-" + MAX_LABELS);
            }
            byte[][] utf8 = vocabulary.stream().map(label -> label.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            labels[c] = utf8;
            plainDictionaries[c] = plainEncoded(utf8);
            byteOrder[c] = IntStream.range(0, utf8.length).boxed()
                    .sorted(Comparator.comparing(code -> utf8[code], Arrays::compareUnsigned))
                    .mapToInt(Integer::intValue).toArray();
            ranks[c] = new int[utf8.length];
            for (int r = 0; r < utf8.length; r++) {
                ranks[c][byteOrder[c][r]] = r;
            }
        }
    }

    int count() {
        return columns.size();
    }

    ColumnSpec spec(int c) {
        return columns.get(c);
    }

    List<String> path(int c) {
        return paths.get(c);
    }

    List<SchemaElement> schema() {
        return schema;
    }

    List<ColumnOrder> orders() {
        return orders;
    }

    /** Byte strings PLAIN-encoded (each length-prefixed), as a dictionary page holds them. */
    static byte[] plainEncoded(byte[]... values) {
        ByteBuilder plain = new ByteBuilder(64);
        for (byte[] value : values) {
            plain.writeIntLE(value.length);
            plain.write(value, 0, value.length);
        }
        return Arrays.copyOf(plain.array(), plain.size());
    }

    /** The vocabulary PLAIN-encoded (length-prefixed UTF-8), as the dictionary page holds it. */
    byte[] plainDictionary(int c) {
        return plainDictionaries[c];
    }

    /** Bits per dictionary index. */
    int indexWidth(int c) {
        return 32 - Integer.numberOfLeadingZeros(labels[c].length - 1);
    }

    byte[] label(int c, int code) {
        return labels[c][code];
    }

    /** The label's position in unsigned byte order, which string statistics use. */
    int rank(int c, int code) {
        return ranks[c][code];
    }

    /** Of the codes in the bit set {@code present} (not empty), the one whose label sorts first. */
    int lowestLabel(int c, int present) {
        for (int code : byteOrder[c]) {
            if ((present & (1 << code)) != 0) {
                return code;
            }
        }
        throw new IllegalArgumentException("no label present");
    }

    int highestLabel(int c, int present) {
        for (int r = byteOrder[c].length - 1; r >= 0; r--) {
            if ((present & (1 << byteOrder[c][r])) != 0) {
                return byteOrder[c][r];
            }
        }
        throw new IllegalArgumentException("no label present");
    }
}
