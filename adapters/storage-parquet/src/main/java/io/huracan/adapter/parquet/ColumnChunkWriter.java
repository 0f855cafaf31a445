package io.huracan.adapter.parquet;

import org.apache.parquet.format.BoundaryOrder;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encodes one column of one row group straight into the file buffer: an optional dictionary page, then data pages
 * (v2, no levels: every column is REQUIRED) of at most {@link #PAGE_ROWS} rows. Alongside it keeps what readers
 * prune by: the chunk's min/max statistics and, per page, min/max (column index) and offsets (offset index).
 */
final class ColumnChunkWriter {
    static final int PAGE_ROWS = 20_000;
    private static final List<Encoding> DELTA = List.of(Encoding.DELTA_BINARY_PACKED);
    private static final List<Encoding> SPLIT = List.of(Encoding.BYTE_STREAM_SPLIT);
    private static final List<Encoding> DICTIONARY = List.of(Encoding.PLAIN, Encoding.RLE_DICTIONARY);

    /** A written chunk, and its page index; {@code columnIndex} is null when a page's min/max is undefined (NaN). */
    record Written(ColumnChunk chunk, ColumnIndex columnIndex, OffsetIndex offsetIndex) {
    }

    private final PageCompressor compressor;
    private final DeltaBinaryPackedEncoder delta = new DeltaBinaryPackedEncoder();
    private final RleHybridEncoder rle = new RleHybridEncoder();
    private final ByteBuilder page = new ByteBuilder(1 << 16);
    private final ByteBuilder compressed = new ByteBuilder(1 << 16);

    // the chunk being written
    private ByteBuilder out;
    private long base;
    private long uncompressedBytes;
    private long compressedBytes;
    private List<PageLocation> locations;
    private List<ByteBuffer> pageMins;
    private List<ByteBuffer> pageMaxes;
    private long[] pageMinKeys;
    private long[] pageMaxKeys;
    private boolean indexable;
    private long longMin;
    private long longMax;
    private double doubleMin;
    private double doubleMax;
    private int labelsSeen;

    ColumnChunkWriter(PageCompressor compressor) {
        this.compressor = compressor;
    }

    /**
     * Writes rows [from, to) of column {@code c} to {@code out}, whose first byte lies at file offset {@code base}.
     */
    Written write(FileColumns columns, int c, ColumnBatch batch, int from, int to, byte[] coin, ByteBuilder out,
                  long base) throws IOException {
        ColumnSpec column = columns.spec(c);
        this.out = out;
        this.base = base;
        uncompressedBytes = 0;
        compressedBytes = 0;
        int pages = (to - from + PAGE_ROWS - 1) / PAGE_ROWS;
        locations = new ArrayList<>(pages);
        pageMins = new ArrayList<>(pages);
        pageMaxes = new ArrayList<>(pages);
        pageMinKeys = new long[pages];
        pageMaxKeys = new long[pages];
        indexable = true;
        longMin = Long.MAX_VALUE;
        longMax = Long.MIN_VALUE;
        doubleMin = Double.POSITIVE_INFINITY;
        doubleMax = Double.NEGATIVE_INFINITY;
        labelsSeen = 0;
        long chunkStart = position();
        long dictionaryOffset = -1;
        if (column.kind() == ColumnKind.LABEL || column.kind() == ColumnKind.COIN) {
            dictionaryOffset = chunkStart;
            boolean label = column.kind() == ColumnKind.LABEL;
            writeDictionaryPage(label ? columns.plainDictionary(c) : FileColumns.plainEncoded(coin),
                    label ? column.labels().size() : 1);
        }
        long dataOffset = position();
        // one page loop for every kind, so the page-writing path (compression, thrift header) exists once in
        // compiled code; the encode methods are small leaves
        for (int start = from, p = 0; start < to; start += PAGE_ROWS, p++) {
            int end = Math.min(to, start + PAGE_ROWS);
            page.reset();
            Encoding encoding = switch (column.kind()) {
                case TIMESTAMP, INT64 -> encodeLongs(batch.longs[c], start, end, p);
                case DOUBLE -> encodeDoubles(batch.doubles[c], start, end, p);
                case LABEL -> encodeLabels(columns, c, batch.labels[c], start, end, p);
                case COIN -> encodeCoin(coin, end - start, p);
            };
            writeDataPage(start - from, end - start, encoding);
        }
        Statistics statistics = switch (column.kind()) {
            case TIMESTAMP, INT64 -> statistics(longBytes(longMin), longBytes(longMax));
            case DOUBLE -> doubleMin <= doubleMax
                    ? statistics(doubleBytes(lowerBound(doubleMin)), doubleBytes(upperBound(doubleMax)))
                    : new Statistics().setNull_count(0); // all NaN: no min/max
            case LABEL -> statistics(ByteBuffer.wrap(columns.label(c, columns.lowestLabel(c, labelsSeen))),
                    ByteBuffer.wrap(columns.label(c, columns.highestLabel(c, labelsSeen))));
            case COIN -> statistics(ByteBuffer.wrap(coin), ByteBuffer.wrap(coin));
        };
        ColumnMetaData metaData = new ColumnMetaData(Schemas.physicalType(column.kind()), encodings(column.kind()),
                columns.path(c), compressor.codec(), to - from, uncompressedBytes, compressedBytes, dataOffset)
                .setStatistics(statistics);
        if (dictionaryOffset >= 0) {
            metaData.setDictionary_page_offset(dictionaryOffset);
        }
        ColumnChunk chunk = new ColumnChunk(chunkStart).setMeta_data(metaData);
        ColumnIndex columnIndex = null;
        if (indexable) {
            columnIndex = new ColumnIndex(Collections.nCopies(pages, false), pageMins, pageMaxes, boundaryOrder(pages))
                    .setNull_counts(Collections.nCopies(pages, 0L));
        }
        return new Written(chunk, columnIndex, new OffsetIndex(locations));
    }

    private Encoding encodeLongs(long[] values, int start, int end, int p) {
        long pageMin = Long.MAX_VALUE;
        long pageMax = Long.MIN_VALUE;
        for (int i = start; i < end; i++) {
            pageMin = Math.min(pageMin, values[i]);
            pageMax = Math.max(pageMax, values[i]);
        }
        delta.encode(values, start, end, page);
        addPageRange(p, longBytes(pageMin), longBytes(pageMax), pageMin, pageMax);
        longMin = Math.min(longMin, pageMin);
        longMax = Math.max(longMax, pageMax);
        return Encoding.DELTA_BINARY_PACKED;
    }

    /** NaN is left out of every min/max (Parquet's rule); a page holding NaN leaves the chunk without a column index. */
    private Encoding encodeDoubles(double[] values, int start, int end, int p) {
        double pageMin = Double.POSITIVE_INFINITY;
        double pageMax = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int i = start; i < end; i++) {
            double value = values[i];
            if (Double.isNaN(value)) {
                nan = true;
            } else {
                pageMin = Math.min(pageMin, value);
                pageMax = Math.max(pageMax, value);
            }
        }
        ByteStreamSplitEncoder.encode(values, start, end, page);
        boolean numbers = pageMin <= pageMax;
        if (nan || !numbers) {
            indexable = false;
        } else {
            addPageRange(p, doubleBytes(lowerBound(pageMin)), doubleBytes(upperBound(pageMax)),
                    sortableKey(pageMin), sortableKey(pageMax));
        }
        if (numbers) {
            doubleMin = Math.min(doubleMin, pageMin);
            doubleMax = Math.max(doubleMax, pageMax);
        }
        return Encoding.BYTE_STREAM_SPLIT;
    }

    private Encoding encodeLabels(FileColumns columns, int c, int[] codes, int start, int end, int p) {
        int seen = 0; // label code k present: bit k (vocabularies hold at most 32 labels)
        for (int i = start; i < end; i++) {
            seen |= 1 << codes[i];
        }
        rle.encodeIndices(codes, start, end, columns.indexWidth(c), page);
        int low = columns.lowestLabel(c, seen);
        int high = columns.highestLabel(c, seen);
        addPageRange(p, ByteBuffer.wrap(columns.label(c, low)), ByteBuffer.wrap(columns.label(c, high)),
                columns.rank(c, low), columns.rank(c, high));
        labelsSeen |= seen;
        return Encoding.RLE_DICTIONARY;
    }

    private Encoding encodeCoin(byte[] coin, int rows, int p) {
        page.write(0); // index width 0: a one-entry dictionary
        RleHybridEncoder.writeRun(rows, 0, 0, page);
        addPageRange(p, ByteBuffer.wrap(coin), ByteBuffer.wrap(coin), 0, 0);
        return Encoding.RLE_DICTIONARY;
    }

    private void writeDictionaryPage(byte[] plainValues, int count) throws IOException {
        compressed.reset();
        compressor.compress(plainValues, plainValues.length, compressed);
        PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, plainValues.length, compressed.size())
                .setDictionary_page_header(new DictionaryPageHeader(count, Encoding.PLAIN));
        writePage(header, plainValues.length);
    }

    private void writeDataPage(long firstRow, int rows, Encoding encoding) throws IOException {
        compressed.reset();
        compressor.compress(page.array(), page.size(), compressed);
        PageHeader header = new PageHeader(PageType.DATA_PAGE_V2, page.size(), compressed.size())
                .setData_page_header_v2(new DataPageHeaderV2(rows, 0, rows, encoding, 0, 0).setIs_compressed(true));
        long offset = position();
        int size = writePage(header, page.size());
        locations.add(new PageLocation(offset, size, firstRow));
    }

    /** Header then the compressed body; returns the bytes both take. */
    private int writePage(PageHeader header, int uncompressedBody) throws IOException {
        int start = out.size();
        Util.writePageHeader(header, out);
        int headerBytes = out.size() - start;
        out.write(compressed.array(), 0, compressed.size());
        uncompressedBytes += headerBytes + uncompressedBody;
        compressedBytes += headerBytes + compressed.size();
        return headerBytes + compressed.size();
    }

    private void addPageRange(int p, ByteBuffer min, ByteBuffer max, long minKey, long maxKey) {
        pageMins.add(min);
        pageMaxes.add(max);
        pageMinKeys[p] = minKey;
        pageMaxKeys[p] = maxKey;
    }

    /** ASCENDING when page ranges never go down (sorted timestamps), DESCENDING when they never go up. */
    private BoundaryOrder boundaryOrder(int pages) {
        boolean ascending = true;
        boolean descending = true;
        for (int p = 1; p < pages; p++) {
            ascending &= pageMinKeys[p - 1] <= pageMinKeys[p] && pageMaxKeys[p - 1] <= pageMaxKeys[p];
            descending &= pageMinKeys[p - 1] >= pageMinKeys[p] && pageMaxKeys[p - 1] >= pageMaxKeys[p];
        }
        return ascending ? BoundaryOrder.ASCENDING : descending ? BoundaryOrder.DESCENDING : BoundaryOrder.UNORDERED;
    }

    private long position() {
        return base + out.size();
    }

    private static List<Encoding> encodings(ColumnKind kind) {
        return switch (kind) {
            case TIMESTAMP, INT64 -> DELTA;
            case DOUBLE -> SPLIT;
            case LABEL, COIN -> DICTIONARY;
        };
    }

    private static Statistics statistics(ByteBuffer min, ByteBuffer max) {
        return new Statistics().setNull_count(0).setMin_value(min).setMax_value(max)
                .setIs_min_value_exact(true).setIs_max_value_exact(true);
    }

    private static ByteBuffer longBytes(long value) {
        byte[] bytes = new byte[Long.BYTES];
        for (int b = 0; b < Long.BYTES; b++) {
            bytes[b] = (byte) (value >>> (b * 8));
        }
        return ByteBuffer.wrap(bytes);
    }

    private static ByteBuffer doubleBytes(double value) {
        return longBytes(Double.doubleToRawLongBits(value));
    }

    /** A zero minimum is written as -0.0 and a zero maximum as +0.0, so either zero lies inside the range. */
    private static double lowerBound(double min) {
        return min == 0.0 ? -0.0 : min;
    }

    private static double upperBound(double max) {
        return max == 0.0 ? 0.0 : max;
    }

    /** Orders doubles (no NaN) as signed longs. */
    private static long sortableKey(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }
}
