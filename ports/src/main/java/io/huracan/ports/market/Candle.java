package io.huracan.ports.market;

/**
 * An OHLCV bar (kline) of one coin on one exchange, with the taker-buy split Binance publishes. Times are epoch
 * microseconds, UTC: {@code openTimeMicros} is the bar's first instant, {@code closeTimeMicros} its last.
 */
public record Candle(
        Coin coin,
        ExchangeId exchange,
        long openTimeMicros,
        long closeTimeMicros,
        double open,
        double high,
        double low,
        double close,
        double volume,
        double quoteVolume,
        long tradeCount,
        double takerBuyVolume,
        double takerBuyQuoteVolume) {

    public Candle {
        if (closeTimeMicros < openTimeMicros) {
            throw new IllegalArgumentException("candle " + coin + " closes at " + closeTimeMicros + " before it opens at "
                    + openTimeMicros + "; allowed: close time >= open time");
        }
        if (!(low > 0) || !(high >= low) || open < low || open > high || close < low || close > high) {
            throw new IllegalArgumentException("candle " + coin + " at " + openTimeMicros + " o/h/l/c " + open + "/" + high
                    + "/" + low + "/" + close + " is invalid; allowed: 0 < low <= open, close <= high");
        }
        if (volume < 0 || quoteVolume < 0 || tradeCount < 0 || takerBuyVolume < 0 || takerBuyQuoteVolume < 0) {
            throw new IllegalArgumentException("candle " + coin + " at " + openTimeMicros
                    + " has a negative volume or trade count; allowed: >= 0");
        }
    }
}
