package io.huracan.benchmarks;

import com.google.inject.Guice;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.postgres.PostgresModelStoreConfig;
import io.huracan.adapter.postgres.PostgresModelStoreModule;
import io.huracan.domain.registry.PromotionPolicy;
import io.huracan.domain.registry.PromotionRules;
import io.huracan.domain.signal.ActiveModelTable;
import io.huracan.domain.signal.LinearModelParameters;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.TrainingWindow;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code huracan bench registry}: promotion latency (register + promote under the policy), the engine's refresh
 * (find active + build the table), and a regime lookup with prediction, over the file or PostgreSQL store.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Model registry: promotion latency, active-table refresh and per-event prediction.")
final class RegistryBench implements Callable<Integer> {
    @Option(names = "--store", defaultValue = "file", description = "file or postgres (HURACAN_TEST_POSTGRES, user postgres).")
    String storeKind;
    @Option(names = "--promotions", defaultValue = "200", description = "Models registered and promoted.")
    int promotions;
    @Option(names = "--json", description = "Print one JSON object last.")
    boolean json;

    /** The file store's directory, deleted after the run. */
    private ScratchDirectory scratch;

    @Override
    public Integer call() throws Exception {
        ModelStore store = open();
        var policy = new PromotionPolicy(new PromotionRules(3, 50, 0.2, 0.5));
        var promote = new Histogram(3);
        long started = System.nanoTime();
        for (int i = 0; i < promotions; i++) {
            long t0 = System.nanoTime();
            var model = store.register(definition("bench-" + i % 10, Regime.values()[i % 4], (i * 7919 % 100) / 25.0));
            store.promote(model.key(), policy, Instant.now());
            promote.recordValue(System.nanoTime() - t0);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        var refresh = new Histogram(3);
        var table = new ActiveModelTable();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            table.refresh(store);
            refresh.recordValue(System.nanoTime() - t0);
        }
        Regime[] regimes = Regime.values();
        double[] features = new double[Feature.COUNT];
        var predict = new Histogram(3);
        double sink = 0;
        int evaluations = 2_000_000;
        long predictStart = System.nanoTime();
        for (int i = 0; i < evaluations; i++) {
            features[Feature.RETURN_1M.ordinal()] = i % 17;
            long t0 = System.nanoTime();
            sink += table.predictBps(regimes[i & 3], features);
            if ((i & 1023) == 0) {
                predict.recordValue(System.nanoTime() - t0);
            }
        }
        double predictSeconds = (System.nanoTime() - predictStart) / 1e9;
        new BenchReport("registry", promotions / seconds).latency(promote)
                .put("store", storeKind)
                .put("models", store.find(ModelQuery.ALL).size())
                .put("refresh_p50_ns", refresh.getValueAtPercentile(50))
                .put("refresh_p99_ns", refresh.getValueAtPercentile(99))
                .put("predict_per_s", evaluations / predictSeconds)
                .put("predict_p50_ns", predict.getValueAtPercentile(50))
                .put("checksum", sink)
                .print(System.out, json);
        dropBenchSchema();
        if (scratch != null) {
            scratch.close();
        }
        return 0;
    }

    private static final String POSTGRES_URL = System.getenv().getOrDefault("HURACAN_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String SCHEMA = "registry_bench_" + ProcessHandle.current().pid();

    private void dropBenchSchema() throws Exception {
        if (storeKind.equals("postgres")) {
            try (var connection = java.sql.DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
                connection.createStatement().execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
    }

    private ModelStore open() throws Exception {
        if (storeKind.equals("postgres")) {
            String url = POSTGRES_URL;
            String schema = SCHEMA;
            return Guice.createInjector(new PostgresModelStoreModule(new PostgresModelStoreConfig(url, "postgres", "", schema)))
                    .getInstance(ModelStore.class);
        }
        scratch = ScratchDirectory.create("huracan-registry-bench");
        return Guice.createInjector(new FileModelStoreModule(new FileModelStoreConfig(scratch.path())))
                .getInstance(ModelStore.class);
    }

    private static ModelDefinition definition(String name, Regime regime, double sharpe) {
        List<Feature> features = List.of(Feature.RETURN_1M, Feature.RETURN_5M, Feature.BOOK_IMBALANCE, Feature.TRADE_FLOW_1M);
        double[] parameters = new LinearModelParameters(0.5, new double[] {1, -0.5, 2, 0.25}, new double[] {0, 0, 0, 0},
                new double[] {10, 20, 0.3, 0.4}).toArray();
        return new ModelDefinition(name, "linear", regime, features, parameters, "",
                new TrainingWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z")),
                Instant.parse("2025-02-01T01:00:00Z"), "bench", new ModelMetrics(sharpe, sharpe, 0.55, 0.1, 200, 2.5));
    }
}
