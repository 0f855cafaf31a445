package io.huracan.adapter.parquet;

import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.TypeDefinedOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet schema of a dataset's columns as the footer holds it: every column REQUIRED, timestamps
 * {@code INT64 TIMESTAMP(MICROS, UTC)}, labels and the coin {@code STRING}.
 */
final class Schemas {
    private Schemas() {
    }

    /** The root element, then one element per column in file order. */
    static List<SchemaElement> of(String dataset, List<ColumnSpec> columns) {
        List<SchemaElement> elements = new ArrayList<>(columns.size() + 1);
        elements.add(new SchemaElement(dataset).setNum_children(columns.size()));
        for (ColumnSpec column : columns) {
            SchemaElement element = new SchemaElement(column.name())
                    .setType(physicalType(column.kind()))
                    .setRepetition_type(FieldRepetitionType.REQUIRED);
            switch (column.kind()) {
                case TIMESTAMP -> element
                        .setLogicalType(LogicalType.TIMESTAMP(new TimestampType(true, TimeUnit.MICROS(new MicroSeconds()))))
                        .setConverted_type(ConvertedType.TIMESTAMP_MICROS);
                case LABEL, COIN -> element.setLogicalType(LogicalType.STRING(new StringType()))
                        .setConverted_type(ConvertedType.UTF8);
                case INT64, DOUBLE -> { }
            }
            elements.add(element);
        }
        return elements;
    }

    static Type physicalType(ColumnKind kind) {
        return switch (kind) {
            case TIMESTAMP, INT64 -> Type.INT64;
            case DOUBLE -> Type.DOUBLE;
            case LABEL, COIN -> Type.BYTE_ARRAY;
        };
    }

    /**
     * Each column ordered by its type (signed integers and doubles, strings by unsigned bytes). Without this
     * list readers do not trust the {@code min_value}/{@code max_value} statistics that queries prune by.
     */
    static List<ColumnOrder> typeDefinedOrders(int columns) {
        List<ColumnOrder> orders = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
        }
        return orders;
    }
}
