package io.huracan.bootstrap.cli;

import com.google.inject.Guice;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.bootstrap.retraining.PlantedMarketAccess;
import io.huracan.ports.market.Coin;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetrainCommandTest {
    @TempDir
    Path temp;
    private Path configFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void storedMarketAndEmptyRegistry() throws Exception {
        try (var data = ParquetStores.open(ParquetStoreSettings.of(temp.resolve("data"), "zstd"))) {
            PlantedMarketAccess.write(data, List.of(Coin.of("AAA"), Coin.of("BBB")),
                    Instant.parse("2026-03-02T00:00:00Z"), Duration.ofMinutes(5), 800);
        }
        configFile = temp.resolve("engine.yaml");
        Files.writeString(configFile, "engine:\n  storage:\n    root: " + temp.resolve("data") + "\n"
                + "  registry:\n    adapter: file\n    path: " + temp.resolve("registry") + "\n"
                + "  strategy:\n    holding_horizon: 5m\n");
    }

    @Test
    void retrainsEachCoinInTheRegimeAndSummarisesWhatWasRegisteredAndPromoted() {
        int exit = run("retrain", "--regime", "ranging", "--regime", "high_volatility", "--lookback", "4d");

        assertThat(exit).as(err.toString()).isZero();
        String summary = out.toString();
        assertThat(summary).startsWith("window 2026-03-01T00:00:00Z .. 2026-03-05T00:00:00Z\n");
        assertThat(summary).containsPattern("ranging/AAA +promoted +lin-ranging-aaa:1 ");
        assertThat(summary).containsPattern("ranging/BBB +promoted +lin-ranging-bbb:1 ");
        assertThat(summary).containsPattern("high_volatility/AAA +skipped +- .* 0 labelled rows in high_volatility, fewer than the 200 required");
        assertThat(summary).endsWith("4 jobs: 2 registered and promoted, 0 registered but not promoted, 2 skipped, 0 failed\n");
        ModelStore models = Guice.createInjector(new FileModelStoreModule(new FileModelStoreConfig(temp.resolve("registry"))))
                .getInstance(ModelStore.class);
        assertThat(models.find(ModelQuery.ALL.withStatus(ModelStatus.ACTIVE))).hasSize(2);
        assertThat(temp.resolve("jobs.json")).content().contains("\"state\":\"succeeded\"");
    }

    @Test
    void jobsListsWhatTheExecutorKept() {
        assertThat(run("retrain", "--regime", "ranging", "--coins", "AAA", "--lookback", "4d")).as(err.toString()).isZero();
        out.getBuffer().setLength(0);

        assertThat(run("retrain", "--jobs")).as(err.toString()).isZero();

        assertThat(out.toString()).containsPattern("manual-\\d+-ranging-aaa +succeeded .* ranging/AAA +promoted +lin-ranging-aaa:1\n")
                .endsWith("1 jobs\n");
    }

    @Test
    void aBadTagIsABadUsage() {
        assertThat(run("retrain", "--tags", "GPU")).isEqualTo(HuracanCli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("huracan retrain: tag 'GPU' is invalid; allowed: 1-32 of a-z");
    }

    @Test
    void anUnknownCoinIsABadUsage() {
        assertThat(run("retrain", "--coins", "ZZZ")).isEqualTo(HuracanCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("huracan retrain: --coins ZZZ has no stored features\n");
    }

    private int run(String... args) {
        var commandLine = HuracanCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--config";
        all[args.length + 1] = configFile.toString();
        all[args.length + 2] = "--state-file";
        all[args.length + 3] = temp.resolve("jobs.json").toString();
        return commandLine.execute(all);
    }
}
