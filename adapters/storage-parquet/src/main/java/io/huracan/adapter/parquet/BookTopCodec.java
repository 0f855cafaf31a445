package io.huracan.adapter.parquet;

import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.storage.Dataset;

import java.util.List;

/** book_tops: timestamp, coin, exchange, bid_price, bid_quantity, ask_price, ask_quantity. */
final class BookTopCodec implements RowCodec<BookTop> {
    private static final ExchangeId[] EXCHANGES = ExchangeId.values();
    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.timestamp("timestamp"),
            ColumnSpec.coin(),
            ColumnSpec.label("exchange", RowCodecs.lowerCaseNames(ExchangeId.class)),
            ColumnSpec.decimal("bid_price"),
            ColumnSpec.decimal("bid_quantity"),
            ColumnSpec.decimal("ask_price"),
            ColumnSpec.decimal("ask_quantity"));

    @Override
    public Dataset<BookTop> dataset() {
        return Dataset.BOOK_TOPS;
    }

    @Override
    public List<ColumnSpec> columns() {
        return COLUMNS;
    }

    @Override
    public void put(BookTop row, ColumnBatch batch, int i) {
        batch.longs[0][i] = row.timestampMicros();
        batch.labels[2][i] = row.exchange().ordinal();
        batch.doubles[3][i] = row.bidPrice();
        batch.doubles[4][i] = row.bidQuantity();
        batch.doubles[5][i] = row.askPrice();
        batch.doubles[6][i] = row.askQuantity();
    }

    @Override
    public BookTop get(Coin coin, ColumnBatch batch, int i) {
        return new BookTop(coin, EXCHANGES[batch.labels[2][i]], batch.longs[0][i], batch.doubles[3][i],
                batch.doubles[4][i], batch.doubles[5][i], batch.doubles[6][i]);
    }
}
