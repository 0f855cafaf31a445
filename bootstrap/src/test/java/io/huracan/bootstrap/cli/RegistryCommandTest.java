package io.huracan.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelKey;
import io.huracan.testkit.registry.ModelFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code huracan registry ...} end to end over a file registry in a temporary directory. */
class RegistryCommandTest {
    @TempDir
    Path temp;
    private Path configFile;
    private ModelStore store;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void registryWithThreeModels() throws Exception {
        Path root = temp.resolve("registry");
        configFile = temp.resolve("registry.yaml");
        Files.writeString(configFile, "engine:\n  registry:\n    adapter: file\n    path: " + root + "\n"
                + "    promotion: {best_n: 2, min_trades: 50, max_drawdown: 0.2, decay_ratio: 0.5}\n");
        store = Guice.createInjector(new FileModelStoreModule(new FileModelStoreConfig(root))).getInstance(ModelStore.class);
        store.register(ModelFixtures.linear("momentum", Regime.TRENDING_UP, 1.0));
        store.register(ModelFixtures.linear("momentum", Regime.TRENDING_UP, 2.0));
        store.register(ModelFixtures.linear("meanrev", Regime.RANGING, 0.5));
    }

    @Test
    void listPrintsAnAlignedTable() {
        assertThat(run("registry", "list")).isZero();

        assertThat(out.toString()).isEqualTo(String.join("\n",
                "MODEL       KIND    REGIME       STATUS     SHARPE  SORTINO  WIN    MAX_DD  TRADES  EDGE_BPS  CREATED",
                "meanrev:1   linear  ranging      candidate  0.50    0.70     53.8%  8.3%    240     3.13      2025-03-01T12:34:56.123456Z",
                "momentum:1  linear  trending_up  candidate  1.00    1.40     53.8%  8.3%    240     3.13      2025-03-01T12:34:56.123456Z",
                "momentum:2  linear  trending_up  candidate  2.00    2.80     53.8%  8.3%    240     3.13      2025-03-01T12:34:56.123456Z",
                "3 models", ""));
    }

    @Test
    void listFiltersAndPrintsJsonForScripts() throws Exception {
        assertThat(run("registry", "list", "--regime", "trending_up", "--status", "candidate", "--json")).isZero();

        JsonNode models = new ObjectMapper().readTree(out.toString());
        assertThat(models).hasSize(2);
        assertThat(models.get(1).get("name").asText()).isEqualTo("momentum");
        assertThat(models.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(models.get(1).get("metrics").get("sharpe").asDouble()).isEqualTo(2.0);
        assertThat(models.get(1).get("features").get(1).asText()).isEqualTo("book_imbalance");
    }

    @Test
    void promoteAppliesThePolicyAndDisplacesTheWorstWhenFull() {
        assertThat(run("registry", "promote", "momentum:1", "--config", configFile.toString())).isZero();
        assertThat(run("registry", "promote", "momentum:2", "--config", configFile.toString())).isZero();
        store.register(ModelFixtures.linear("breakout", Regime.TRENDING_UP, 1.5));

        assertThat(run("registry", "promote", "breakout:1", "--config", configFile.toString())).isZero();

        assertThat(out.toString()).endsWith("promoted breakout:1: ranked 2 of 2 in trending_up (sharpe 1.50, 240 trades,"
                + " max drawdown 8.3%)\ndeactivated momentum:1: displaced by breakout:1 (sharpe 1.50 > 1.00)\n");
        assertThat(store.get(ModelKey.of("momentum", 1)).status()).isEqualTo(ModelStatus.INACTIVE);
    }

    @Test
    void aRefusedPromotionExitsOneWithTheReason() {
        ModelDefinition thin = ModelFixtures.linear("thin", Regime.RANGING, 3.0);
        store.register(new ModelDefinition(thin.name(), thin.kind(), thin.regime(), thin.features(), thin.parameters(),
                thin.artifact(), thin.trainingWindow(), thin.createdAt(), thin.trainedBy(),
                new ModelMetrics(3.0, 4.0, 0.6, 0.05, 12, 4.0)));

        assertThat(run("registry", "promote", "thin:1", "--config", configFile.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("not promoted thin:1: trade count 12 is below min_trades 50\n");
    }

    @Test
    void showPrintsTheLatestVersionWithItsAuditTrail() {
        run("registry", "promote", "momentum:2", "--config", configFile.toString());
        run("registry", "deactivate", "momentum:2", "--reason", "exchange outage", "--config", configFile.toString());
        out.getBuffer().setLength(0);

        assertThat(run("registry", "show", "momentum", "--config", configFile.toString())).isZero();

        assertThat(out.toString()).contains("model            momentum:2\nstatus           inactive\n",
                "features         return_1m, book_imbalance, trade_flow_1m\n", "trained by       retrain-20250301-momentum\n",
                "AT", "candidate  active    ranked 1 of 1 in trending_up", "active     inactive  exchange outage");
    }

    @Test
    void badUsageIsOneLineAndExitTwo() {
        assertThat(run("registry", "show", "momentum:9", "--config", configFile.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("huracan registry: model momentum:9 does not exist\n");

        err.getBuffer().setLength(0);
        assertThat(run("registry", "promote", "momentum", "--config", configFile.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for positional parameter at index 0 (NAME:VERSION): "
                + "model 'momentum' is invalid; allowed: NAME:VERSION, e.g. momentum-linear:3\n");

        err.getBuffer().setLength(0);
        assertThat(run("registry", "list", "--regime", "sideways")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--regime': 'sideways' is not allowed; allowed: "
                + "trending_up, trending_down, ranging, high_volatility\n");

        err.getBuffer().setLength(0);
        assertThat(run("registry", "deactivate", "momentum:1", "--config", configFile.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required option: '--reason=TEXT'\n");

        err.getBuffer().setLength(0);
        assertThat(run("registry", "deactivate", "momentum:1", "--reason", "x", "--config", configFile.toString())).isZero();
        assertThat(run("registry", "deactivate", "momentum:1", "--reason", "x", "--config", configFile.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("huracan registry: model momentum:1 is inactive and cannot become inactive\n");
    }

    private int run(String... args) {
        var commandLine = HuracanCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withConfig = args;
        if (!String.join(" ", args).contains("--config")) {
            withConfig = java.util.Arrays.copyOf(args, args.length + 2);
            withConfig[args.length] = "--config";
            withConfig[args.length + 1] = configFile.toString();
        }
        return commandLine.execute(withConfig);
    }
}
