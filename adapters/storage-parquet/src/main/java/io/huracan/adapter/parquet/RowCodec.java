package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.Dataset;

import java.util.List;

/** Maps a dataset's record to and from a row of a {@link ColumnBatch}; the columns are its file schema. */
interface RowCodec<T> {

    Dataset<T> dataset();

    /** The columns in file order; column 0 is the timestamp. */
    List<ColumnSpec> columns();

    void put(T row, ColumnBatch batch, int index);

    T get(Coin coin, ColumnBatch batch, int index);
}
