package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;

import java.util.List;

/** trades: timestamp, coin, exchange, price, quantity, aggressor (buy|sell). */
final class TradeCodec implements RowCodec<Trade> {
    private static final ExchangeId[] EXCHANGES = ExchangeId.values();
    private static final Side[] SIDES = Side.values();
    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.timestamp("timestamp"),
            ColumnSpec.coin(),
            ColumnSpec.label("exchange", RowCodecs.lowerCaseNames(ExchangeId.class)),
            ColumnSpec.decimal("price"),
            ColumnSpec.decimal("quantity"),
            ColumnSpec.label("aggressor", RowCodecs.lowerCaseNames(Side.class)));

    @Override
    public Dataset<Trade> dataset() {
        return Dataset.TRADES;
    }

    @Override
    public List<ColumnSpec> columns() {
        return COLUMNS;
    }

    @Override
    public void put(Trade row, ColumnBatch batch, int i) {
        batch.longs[0][i] = row.timestampMicros();
        batch.labels[2][i] = row.exchange().ordinal();
        batch.doubles[3][i] = row.price();
        batch.doubles[4][i] = row.quantity();
        batch.labels[5][i] = row.aggressor().ordinal();
    }

    @Override
    public Trade get(Coin coin, ColumnBatch batch, int i) {
        return new Trade(coin, EXCHANGES[batch.labels[2][i]], batch.longs[0][i], batch.doubles[3][i],
                batch.doubles[4][i], SIDES[batch.labels[5][i]]);
    }
}
