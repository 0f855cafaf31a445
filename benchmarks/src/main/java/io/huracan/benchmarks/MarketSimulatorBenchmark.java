package io.huracan.benchmarks;

import io.huracan.adapter.paper.MarketSimulator;
import io.huracan.adapter.paper.MarketSimulatorConfig;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Universe;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Market-simulator throughput: 400 coins in 20 sectors on 1-3 venues (as config/base.yaml), perpetuals, every
 * event built and handed to a listener that only consumes it. One invocation advances the market 100 ms (one
 * update of every coin); the {@code events} counter reports market-data events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarketSimulatorBenchmark {
    private static final long STEP_MICROS = 100_000;

    private MarketSimulator simulator;
    private long now;

    /** Events delivered, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup
    public void setUp(Blackhole blackhole) {
        List<CoinListing> coins = new ArrayList<>();
        List<Set<ExchangeId>> venueSets = List.of(Set.of(ExchangeId.BINANCE, ExchangeId.OKX, ExchangeId.BYBIT),
                Set.of(ExchangeId.BINANCE, ExchangeId.BYBIT), Set.of(ExchangeId.BINANCE, ExchangeId.OKX),
                Set.of(ExchangeId.OKX, ExchangeId.BYBIT), Set.of(ExchangeId.BINANCE));
        for (int i = 0; i < 400; i++) {
            coins.add(new CoinListing(Coin.of("C" + i), Sector.of("s" + i / 20), venueSets.get(i % venueSets.size())));
        }
        Universe universe = new Universe("USDT", 400, 20, coins);
        now = 1_767_225_600_000_000L;
        simulator = new MarketSimulator(universe, MarketSimulatorConfig.defaults(42), now);
        simulator.subscribe(coins.stream().map(CoinListing::symbol).collect(Collectors.toSet()),
                MarketDataListener.forwardingTo(blackhole::consume));
    }

    @Benchmark
    public long advance100ms(Events counter) {
        now += STEP_MICROS;
        long events = simulator.advanceTo(now);
        counter.events += events;
        return events;
    }
}
