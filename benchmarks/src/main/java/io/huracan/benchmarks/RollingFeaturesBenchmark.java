package io.huracan.benchmarks;

import io.huracan.domain.feature.RollingFeatures;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Incremental features per event. Events are built once in setup (20 ms apart, so buckets roll over every few
 * events); replaying them again counts as late events at the newest time. Run with {@code -prof gc}:
 * gc.alloc.rate.norm must be 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RollingFeaturesBenchmark {
    private static final int EVENTS = 1 << 16;

    private final BookTop[] books = new BookTop[EVENTS];
    private final Trade[] trades = new Trade[EVENTS];
    private final double[] out = new double[Feature.COUNT];
    private RollingFeatures features;
    private int next;

    @Setup
    public void setUp() {
        var coin = Coin.of("BTC");
        long start = 1_700_000_000_000_000L;
        for (int i = 0; i < EVENTS; i++) {
            double mid = 67_000 + 50 * Math.sin(i / 100.0);
            books[i] = new BookTop(coin, ExchangeId.BINANCE, start + i * 20_000L, mid - 0.5, 1 + i % 3, mid + 0.5, 2);
            trades[i] = new Trade(coin, ExchangeId.BINANCE, start + i * 20_000L + 5_000, mid, 0.01 * (1 + i % 5),
                    i % 2 == 0 ? Side.BUY : Side.SELL);
        }
        features = new RollingFeatures(coin);
    }

    /** A book top and a trade, then all ten features read out: the work per market-data pair. */
    @Benchmark
    public double bookTradeAndRead() {
        int i = next++ & (EVENTS - 1);
        features.onBookTop(books[i]);
        features.onTrade(trades[i]);
        features.writeTo(features.latestMicros(), out);
        return out[Feature.REALISED_VOL_1M.ordinal()];
    }

    @Benchmark
    public long bookTopOnly() {
        features.onBookTop(books[next++ & (EVENTS - 1)]);
        return features.latestMicros();
    }
}
