package io.huracan.domain.feature;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Worked examples: every expected number is computed by hand from the definitions in {@link RollingFeatures}. */
class RollingFeaturesTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final long S = 1_000_000;
    private static final long T0 = 1_700_000_000L * S; // a whole second, so buckets start at T0

    private final RollingFeatures features = new RollingFeatures(BTC);
    private final double[] out = new double[Feature.COUNT];

    private void book(long at, double mid) {
        features.onBookTop(new BookTop(BTC, ExchangeId.BINANCE, at, mid - 0.5, 1, mid + 0.5, 1));
    }

    private double feature(long at, Feature feature) {
        features.writeTo(at, out);
        return out[feature.ordinal()];
    }

    @Test
    void spreadAndImbalanceComeFromTheLatestBook() {
        features.onBookTop(new BookTop(BTC, ExchangeId.BINANCE, T0, 99, 3, 101, 1));
        assertThat(feature(T0, Feature.SPREAD_BPS)).isCloseTo(200.0, within(1e-9)); // 2 / 100 * 1e4
        assertThat(feature(T0, Feature.BOOK_IMBALANCE)).isCloseTo(0.5, within(1e-12)); // (3 - 1) / 4
    }

    @Test
    void nothingBeforeTheFirstBookIsAllZero() {
        features.writeTo(T0, out);
        assertThat(out).containsOnly(0.0);
    }

    @Test
    void returnsLookBackToTheCloseOfTheBucketAHorizonAgo() {
        book(T0, 100);
        book(T0 + 5 * S, 110);
        book(T0 + 10 * S + 50_000, 121);
        // at 10.05 s, 10 s back is the 100 ms bucket starting at 0.0 s, which closed at 100
        assertThat(feature(T0 + 10 * S + 50_000, Feature.RETURN_10S)).isCloseTo(Math.log(1.21) * 1e4, within(1e-9));
        // at 15 s, 10 s back is the bucket at 5.0 s: 110
        assertThat(feature(T0 + 15 * S, Feature.RETURN_10S)).isCloseTo(Math.log(121.0 / 110) * 1e4, within(1e-9));
        // less than a minute of history: from the first mid
        assertThat(feature(T0 + 15 * S, Feature.RETURN_1M)).isCloseTo(Math.log(1.21) * 1e4, within(1e-9));
        // at 71 s the 1 m reference is second 11, which carried 121 over: no move
        assertThat(feature(T0 + 71 * S, Feature.RETURN_1M)).isCloseTo(0, within(1e-9));
        assertThat(feature(T0 + 71 * S, Feature.RETURN_5M)).isCloseTo(Math.log(1.21) * 1e4, within(1e-9));
    }

    @Test
    void returnsOverFiveAndFifteenMinutes() {
        book(T0, 100);
        book(T0 + 100 * S, 105);
        book(T0 + 400 * S, 98);
        // 5 m back from 400 s is second 100, closed at 105; 15 m back is before the start: the first mid, 100
        assertThat(feature(T0 + 400 * S, Feature.RETURN_5M)).isCloseTo(Math.log(98.0 / 105) * 1e4, within(1e-9));
        assertThat(feature(T0 + 400 * S, Feature.RETURN_15M)).isCloseTo(Math.log(0.98) * 1e4, within(1e-9));
        // at 1000 s, 15 m back is second 100: 105
        assertThat(feature(T0 + 1000 * S, Feature.RETURN_15M)).isCloseTo(Math.log(98.0 / 105) * 1e4, within(1e-9));
    }

    @Test
    void realisedVolatilitySumsSquaredOneSecondReturnsOverItsWindow() {
        book(T0, 100);
        book(T0 + S, 101);
        book(T0 + 2 * S, 102);
        double r1 = Math.log(101.0 / 100);
        double r2 = Math.log(102.0 / 101);
        double both = Math.sqrt(r1 * r1 + r2 * r2) * 1e4;
        // second 1 is complete, second 2 is current: both count
        assertThat(feature(T0 + 2 * S + 500_000, Feature.REALISED_VOL_1M)).isCloseTo(both, within(1e-9));
        assertThat(feature(T0 + 2 * S + 500_000, Feature.REALISED_VOL_15M)).isCloseTo(both, within(1e-9));
        // at 61 s the 1 m window is seconds 2..61: only r2 is left in it
        assertThat(feature(T0 + 61 * S, Feature.REALISED_VOL_1M)).isCloseTo(Math.abs(r2) * 1e4, within(1e-9));
        // at 70 s both moves are out of the minute, still inside the 15 minutes
        assertThat(feature(T0 + 70 * S, Feature.REALISED_VOL_1M)).isCloseTo(0, within(1e-9));
        assertThat(feature(T0 + 70 * S, Feature.REALISED_VOL_15M)).isCloseTo(both, within(1e-9));
        assertThat(feature(T0 + 902 * S, Feature.REALISED_VOL_15M)).isCloseTo(0, within(1e-9));
    }

    @Test
    void tradeFlowIsSignedAggressorVolumeOverTheLastMinute() {
        book(T0, 100);
        features.onTrade(new Trade(BTC, ExchangeId.BINANCE, T0 + S, 100, 3, Side.BUY));
        features.onTrade(new Trade(BTC, ExchangeId.BINANCE, T0 + 30 * S, 100, 1, Side.SELL));
        assertThat(feature(T0 + 30 * S, Feature.TRADE_FLOW_1M)).isCloseTo(0.5, within(1e-12)); // (3 - 1) / 4
        assertThat(feature(T0 + 61 * S, Feature.TRADE_FLOW_1M)).isCloseTo(-1, within(1e-12));  // the buy left
        assertThat(feature(T0 + 90 * S, Feature.TRADE_FLOW_1M)).isCloseTo(0, within(1e-12));
    }

    @Test
    void fundingIsTheLatestRateInBasisPoints() {
        features.onFunding(new FundingRate(BTC, ExchangeId.BYBIT, T0, 0.0001, T0 + 8 * 3600 * S, 8 * 3600 * S));
        assertThat(feature(T0, Feature.FUNDING_BPS)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aLateEventCountsAtTheNewestTimeSoTimeNeverRunsBackwards() {
        book(T0 + 10 * S, 100);
        features.onTrade(new Trade(BTC, ExchangeId.BINANCE, T0, 100, 2, Side.BUY)); // 10 s late
        assertThat(features.latestMicros()).isEqualTo(T0 + 10 * S);
        assertThat(feature(T0 + 69 * S, Feature.TRADE_FLOW_1M)).isEqualTo(1.0);    // counted at 10 s, not 0 s
        assertThat(feature(T0 + 70 * S, Feature.TRADE_FLOW_1M)).isEqualTo(0.0);
    }

    @Test
    void aSnapshotIsTheSameNumbersAsARecord() {
        book(T0, 100);
        book(T0 + S, 101);
        var vector = features.snapshot(T0 + S);
        assertThat(vector.coin()).isEqualTo(BTC);
        assertThat(vector.timestampMicros()).isEqualTo(T0 + S);
        assertThat(vector.get(Feature.RETURN_1M)).isCloseTo(Math.log(1.01) * 1e4, within(1e-9));
    }
}
