package io.huracan.bootstrap.engine;

import io.huracan.testkit.net.FreePorts;
import io.huracan.adapter.paper.MarketSimulator;
import io.huracan.adapter.paper.MarketSimulatorConfig;
import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.Trade;
import io.huracan.ports.market.Universe;
import io.huracan.ports.storage.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A session replayed from the Parquet store: every stored event reaches the loops, and the engine trades it. */
class ReplaySessionTest {
    private static final long DAY = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

    @TempDir
    Path dir;

    @Test
    void replaysStoredDaysThroughTheWholeEngine() throws Exception {
        EngineConfig config = new ConfigLoader(Map.of()).load(List.of(), List.of(
                new ConfigOverride("engine.storage.root", dir.resolve("data").toString(), "test"),
                new ConfigOverride("engine.observability.port", Integer.toString(FreePorts.loopback()), "test"),
                new ConfigOverride("engine.registry.path", dir.resolve("registry").toString(), "test")));
        long stored = record(config, 20, DAY + 3_600_000_000L, Duration.ofMinutes(4));

        try (var engine = HuracanEngine.builder().config(config).environment(Map.of()).speed(0)
                .replay(DAY, DAY + 86_400_000_000L).build()) {
            engine.start();
            assertThat(engine.awaitTermination(Duration.ofMinutes(2))).isTrue();
            engine.stop();
            assertThat(engine.failure()).isEmpty();
            var stats = engine.stats();
            assertThat(stats.marketEvents()).isEqualTo(stored);
            assertThat(stats.evaluations()).isPositive();
            assertThat(stats.ordersSent()).isPositive();
        }
    }

    /** Runs the simulator over the first {@code coins} coins and stores what it emits; returns how many events. */
    private long record(EngineConfig config, int coins, long start, Duration length) {
        List<CoinListing> listings = config.universe().coins().subList(0, coins);
        var universe = new Universe("USDT", coins, coins, listings);
        var simulator = new MarketSimulator(universe, MarketSimulatorConfig.defaults(5), start);
        long[] count = new long[1];
        try (var store = ParquetStores.open(ParquetStoreSettings.of(Path.of(config.storage().root()), "zstd"));
             var books = store.writer(Dataset.BOOK_TOPS);
             var trades = store.writer(Dataset.TRADES);
             var funding = store.writer(Dataset.FUNDING);
             var subscription = simulator.subscribe(listings.stream().map(CoinListing::symbol).collect(Collectors.toSet()),
                     new MarketDataListener() {
                         @Override
                         public void onBookTop(BookTop top) {
                             books.write(top);
                             count[0]++;
                         }

                         @Override
                         public void onTrade(Trade trade) {
                             trades.write(trade);
                             count[0]++;
                         }

                         @Override
                         public void onFundingRate(FundingRate rate) {
                             funding.write(rate);
                             count[0]++;
                         }
                     })) {
            simulator.advanceTo(start + length.toNanos() / 1_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return count[0];
    }
}
