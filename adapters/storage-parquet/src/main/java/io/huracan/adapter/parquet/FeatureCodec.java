package io.huracan.adapter.parquet;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * features: timestamp, coin, then one DOUBLE column per {@link Feature} named in lower case. Features are only
 * ever appended, so a file written before a feature existed reads it as NaN.
 */
final class FeatureCodec implements RowCodec<FeatureVector> {
    private static final int FIRST_FEATURE_COLUMN = 2;
    private static final List<ColumnSpec> COLUMNS = columnsFor();

    private static List<ColumnSpec> columnsFor() {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.timestamp("timestamp"));
        columns.add(ColumnSpec.coin());
        for (Feature feature : Feature.values()) {
            columns.add(ColumnSpec.optionalDecimal(feature.name().toLowerCase(Locale.ROOT), Double.NaN));
        }
        return List.copyOf(columns);
    }

    @Override
    public Dataset<FeatureVector> dataset() {
        return Dataset.FEATURES;
    }

    @Override
    public List<ColumnSpec> columns() {
        return COLUMNS;
    }

    @Override
    public void put(FeatureVector row, ColumnBatch batch, int i) {
        batch.longs[0][i] = row.timestampMicros();
        for (Feature feature : Feature.values()) {
            batch.doubles[FIRST_FEATURE_COLUMN + feature.ordinal()][i] = row.get(feature);
        }
    }

    @Override
    public FeatureVector get(Coin coin, ColumnBatch batch, int i) {
        double[] values = new double[Feature.COUNT];
        for (int f = 0; f < values.length; f++) {
            values[f] = batch.doubles[FIRST_FEATURE_COLUMN + f][i];
        }
        return new FeatureVector(coin, batch.longs[0][i], values);
    }
}
