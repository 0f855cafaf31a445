package io.huracan.adapter.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.util.List;

/** The Parquet schema of a dataset's columns: every column REQUIRED, timestamps as micros UTC. */
final class Schemas {
    private Schemas() {
    }

    static MessageType of(String dataset, List<ColumnSpec> columns) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (ColumnSpec column : columns) {
            switch (column.kind()) {
                case TIMESTAMP -> builder.required(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(column.name());
                case INT64 -> builder.required(PrimitiveTypeName.INT64).named(column.name());
                case DOUBLE -> builder.required(PrimitiveTypeName.DOUBLE).named(column.name());
                case LABEL, COIN -> builder.required(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
            }
        }
        return builder.named(dataset);
    }
}
