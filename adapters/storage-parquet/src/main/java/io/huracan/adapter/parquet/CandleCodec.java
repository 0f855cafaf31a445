package io.huracan.adapter.parquet;

import io.huracan.ports.market.Candle;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.storage.Dataset;

import java.util.List;

/**
 * candles: timestamp (open time), coin, exchange, close_time, open, high, low, close, volume, quote_volume,
 * trade_count, taker_buy_volume, taker_buy_quote_volume.
 */
final class CandleCodec implements RowCodec<Candle> {
    private static final ExchangeId[] EXCHANGES = ExchangeId.values();
    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.timestamp("timestamp"),
            ColumnSpec.coin(),
            ColumnSpec.label("exchange", RowCodecs.lowerCaseNames(ExchangeId.class)),
            ColumnSpec.timestamp("close_time"),
            ColumnSpec.decimal("open"),
            ColumnSpec.decimal("high"),
            ColumnSpec.decimal("low"),
            ColumnSpec.decimal("close"),
            ColumnSpec.decimal("volume"),
            ColumnSpec.decimal("quote_volume"),
            ColumnSpec.int64("trade_count"),
            ColumnSpec.decimal("taker_buy_volume"),
            ColumnSpec.decimal("taker_buy_quote_volume"));

    @Override
    public Dataset<Candle> dataset() {
        return Dataset.CANDLES;
    }

    @Override
    public List<ColumnSpec> columns() {
        return COLUMNS;
    }

    @Override
    public void put(Candle row, ColumnBatch batch, int i) {
        batch.longs[0][i] = row.openTimeMicros();
        batch.labels[2][i] = row.exchange().ordinal();
        batch.longs[3][i] = row.closeTimeMicros();
        batch.doubles[4][i] = row.open();
        batch.doubles[5][i] = row.high();
        batch.doubles[6][i] = row.low();
        batch.doubles[7][i] = row.close();
        batch.doubles[8][i] = row.volume();
        batch.doubles[9][i] = row.quoteVolume();
        batch.longs[10][i] = row.tradeCount();
        batch.doubles[11][i] = row.takerBuyVolume();
        batch.doubles[12][i] = row.takerBuyQuoteVolume();
    }

    @Override
    public Candle get(Coin coin, ColumnBatch batch, int i) {
        return new Candle(coin, EXCHANGES[batch.labels[2][i]], batch.longs[0][i], batch.longs[3][i],
                batch.doubles[4][i], batch.doubles[5][i], batch.doubles[6][i], batch.doubles[7][i],
                batch.doubles[8][i], batch.doubles[9][i], batch.longs[10][i], batch.doubles[11][i],
                batch.doubles[12][i]);
    }
}
