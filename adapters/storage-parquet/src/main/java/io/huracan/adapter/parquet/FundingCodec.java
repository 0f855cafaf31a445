package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.storage.Dataset;

import java.util.List;

/** funding: timestamp, coin, exchange, rate, next_funding_time, interval_micros. */
final class FundingCodec implements RowCodec<FundingRate> {
    private static final ExchangeId[] EXCHANGES = ExchangeId.values();
    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.timestamp("timestamp"),
            ColumnSpec.coin(),
            ColumnSpec.label("exchange", RowCodecs.lowerCaseNames(ExchangeId.class)),
            ColumnSpec.decimal("rate"),
            ColumnSpec.timestamp("next_funding_time"),
            ColumnSpec.int64("interval_micros"));

    @Override
    public Dataset<FundingRate> dataset() {
        return Dataset.FUNDING;
    }

    @Override
    public List<ColumnSpec> columns() {
        return COLUMNS;
    }

    @Override
    public void put(FundingRate row, ColumnBatch batch, int i) {
        batch.longs[0][i] = row.timestampMicros();
        batch.labels[2][i] = row.exchange().ordinal();
        batch.doubles[3][i] = row.rate();
        batch.longs[4][i] = row.nextFundingMicros();
        batch.longs[5][i] = row.intervalMicros();
    }

    @Override
    public FundingRate get(Coin coin, ColumnBatch batch, int i) {
        return new FundingRate(coin, EXCHANGES[batch.labels[2][i]], batch.longs[0][i], batch.doubles[3][i],
                batch.longs[4][i], batch.longs[5][i]);
    }
}
