package io.huracan.adapter.parquet;

import io.huracan.ports.storage.StorageException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.List;

/**
 * Decodes one Parquet file of a partition into {@link ColumnBatch} chunks, column reader by column reader (no
 * record assembly). Row groups outside the time range were already dropped by their statistics when the file was
 * opened; pages are skipped by the column index; rows are checked one by one at the edges, and since a file is
 * sorted by time the read stops at the first row past the range.
 */
final class PartitionFileReader implements ChunkSource {
    private static final GroupConverter NO_CONVERSION = new GroupConverter() {
        private final PrimitiveConverter primitive = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return primitive;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    };

    private final ParquetFileReader file;
    private final String name;
    private final List<ColumnSpec> columns;
    private final long fromMicros;
    private final long toMicros;
    private final QueryCounters counters;
    private final MessageType fileSchema;
    private final ColumnDescriptor[] descriptors;
    private final ColumnReader[] readers;
    private final Binary[] lastLabel;
    private final int[] lastCode;
    private long rowsLeftInGroup;
    private boolean done;
    private boolean closed;

    PartitionFileReader(ParquetFileReader file, String name, List<ColumnSpec> columns, long fromMicros, long toMicros,
                        QueryCounters counters) {
        this.file = file;
        this.name = name;
        this.columns = columns;
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
        this.counters = counters;
        this.fileSchema = file.getFooter().getFileMetaData().getSchema();
        this.descriptors = new ColumnDescriptor[columns.size()];
        this.readers = new ColumnReader[columns.size()];
        this.lastLabel = new Binary[columns.size()];
        this.lastCode = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec column = columns.get(c);
            if (fileSchema.containsField(column.name())) {
                descriptors[c] = fileSchema.getColumnDescription(new String[] {column.name()});
            } else if (column.missingValue() == null && column.kind() != ColumnKind.COIN) {
                throw new StorageException(name + " has no column '" + column.name() + "'");
            }
        }
        counters.rowGroupsSkipped.addAndGet(file.getFooter().getBlocks().size() - file.getRowGroups().size());
    }

    @Override
    public boolean fill(ColumnBatch batch, int maxRows) {
        int appended = 0;
        try {
            while (appended < maxRows && !done) {
                if (rowsLeftInGroup == 0 && !nextRowGroup()) {
                    done = true;
                    break;
                }
                int row = batch.appendRow();
                decodeRow(batch, row);
                rowsLeftInGroup--;
                long time = batch.timestamp(row);
                if (time < fromMicros) {
                    batch.dropLastRow();
                } else if (time >= toMicros) {
                    batch.dropLastRow();
                    done = true;
                } else {
                    appended++;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FileReadException(name, e);
        }
        if (done) {
            close();
        }
        return appended > 0;
    }

    private boolean nextRowGroup() throws IOException {
        PageReadStore pages = file.readNextFilteredRowGroup();
        if (pages == null) {
            return false;
        }
        counters.rowGroupsRead.incrementAndGet();
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, NO_CONVERSION, fileSchema,
                file.getFooter().getFileMetaData().getCreatedBy());
        for (int c = 0; c < readers.length; c++) {
            readers[c] = descriptors[c] == null || columns.get(c).kind() == ColumnKind.COIN
                    ? null : store.getColumnReader(descriptors[c]);
        }
        rowsLeftInGroup = pages.getRowCount();
        return true;
    }

    private void decodeRow(ColumnBatch batch, int row) {
        for (int c = 0; c < readers.length; c++) {
            ColumnReader reader = readers[c];
            ColumnSpec column = columns.get(c);
            if (reader == null) {
                if (column.kind() == ColumnKind.DOUBLE) {
                    batch.doubles[c][row] = column.missingValue();
                }
                continue;
            }
            switch (column.kind()) {
                case TIMESTAMP, INT64 -> batch.longs[c][row] = reader.getLong();
                case DOUBLE -> batch.doubles[c][row] = reader.getDouble();
                case LABEL -> batch.labels[c][row] = labelCode(c, reader.getBinary());
                case COIN -> { }
            }
            reader.consume();
        }
    }

    private int labelCode(int column, Binary value) {
        if (value.equals(lastLabel[column])) {
            return lastCode[column];
        }
        String text = value.toStringUsingUTF8();
        int code = columns.get(column).labels().indexOf(text);
        if (code < 0) {
            throw new StorageException(name + " column '" + columns.get(column).name() + "' holds '" + text
                    + "'; allowed: " + columns.get(column).labels());
        }
        lastLabel[column] = value.copy();
        lastCode[column] = code;
        return code;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        done = true;
        try {
            file.close();
        } catch (IOException e) {
            throw new StorageException("cannot close " + name + ": " + e.getMessage(), e);
        }
    }
}
