package io.huracan.bootstrap.engine;

import com.google.inject.Guice;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.retraining.JsonJobStateStore;
import io.huracan.bootstrap.retraining.PlantedMarketAccess;
import io.huracan.ports.market.Coin;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.testkit.net.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running engine retrains on its own: the session's clock (market time, stepped by the simulator a minute a
 * second, so that the engine checks several times a market minute) crosses a minute, the every-minute cron fires at the next check, and the local executor fits
 * models on the stored data of the universe's coins that have any (two of its four), registering and promoting them.
 */
class EngineRetrainingTest {
    private static final Instant START = Instant.parse("2026-03-05T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aScheduledTickInARunningEngineRegistersModelsFromStoredData() throws Exception {
        try (var data = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
            PlantedMarketAccess.write(data, List.of(Coin.of("BTC"), Coin.of("ETH")), START.minus(Duration.ofDays(3)),
                    Duration.ofMinutes(5), 800);
        }
        Path config = dir.resolve("engine.yaml");
        Files.writeString(config, """
                engine:
                  universe:
                    active_coins: 4
                    coins:
                      - {symbol: BTC, sector: layer1, exchanges: [binance, okx, bybit]}
                      - {symbol: ETH, sector: layer1, exchanges: [binance, okx, bybit]}
                      - {symbol: SOL, sector: layer1, exchanges: [binance, okx, bybit]}
                      - {symbol: BNB, sector: layer1, exchanges: [binance, okx, bybit]}
                  storage: {root: %s}
                  registry: {adapter: file, path: %s}
                  strategy: {holding_horizon: 5m}
                  observability: {port: %d}
                  retraining:
                    schedule: "* * * * *"
                    check_interval: 50ms
                    lookback: 4d
                    state_file: %s
                """.formatted(dir.resolve("data"), dir.resolve("registry"), FreePorts.loopback(), dir.resolve("jobs.json")));
        EngineConfig engineConfig = new ConfigLoader(Map.of()).load(List.of(config));

        try (var engine = HuracanEngine.builder().config(engineConfig).environment(Map.of()).speed(60)
                .sessionLength(Duration.ofMinutes(3)).startAt(START.toEpochMilli() * 1_000).build()) {
            engine.start();
            assertThat(engine.awaitTermination(Duration.ofMinutes(2))).isTrue();
            engine.stop();
            assertThat(engine.failure()).isEmpty();
        }

        ModelStore models = Guice.createInjector(new FileModelStoreModule(new FileModelStoreConfig(dir.resolve("registry"))))
                .getInstance(ModelStore.class);
        List<ModelVersion> fitted = models.find(ModelQuery.ALL).stream()
                .filter(version -> version.definition().trainedBy().startsWith("schedule-")).toList();
        // the cron fires at most once a minute of the session: each firing fits a version per coin with ranging rows
        assertThat(fitted).extracting(version -> version.key().name()).containsOnly("lin-ranging-btc", "lin-ranging-eth")
                .contains("lin-ranging-btc", "lin-ranging-eth");
        assertThat(fitted).allSatisfy(version -> assertThat(version.definition().trainingWindow().to())
                .isAfterOrEqualTo(START.plusSeconds(60)).isBefore(START.plus(Duration.ofMinutes(5))));
        List<JobStatus> jobs = new JsonJobStateStore(dir.resolve("jobs.json")).load();
        // a firing finding a key busy with a regime-change job joins it, so some firings have fewer than 8 jobs
        assertThat(jobs).filteredOn(job -> job.job().trigger() == RetrainingTrigger.SCHEDULE).isNotEmpty()
                .allSatisfy(job -> assertThat(job.state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(jobs).allSatisfy(job -> assertThat(job.job().coins()).isSubsetOf(Coin.of("BTC"), Coin.of("ETH")));
    }
}
