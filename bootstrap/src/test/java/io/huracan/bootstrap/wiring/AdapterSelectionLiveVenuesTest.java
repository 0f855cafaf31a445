package io.huracan.bootstrap.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.huracan.adapter.xchange.ExchangeHealth;
import io.huracan.adapter.xchange.XChangeExchangeModule;
import io.huracan.adapter.xchange.XChangeMarketDataModule;
import io.huracan.adapter.xchange.XChangeVenueConfig;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.HealthCheck;
import io.huracan.ports.metrics.LatencyRecorder;
import io.huracan.ports.metrics.MetricTag;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdapterSelectionLiveVenuesTest {
    private static final Map<String, String> KEYS = Map.of("BINANCE_API_KEY", "key-1", "BINANCE_API_SECRET", "secret-1");

    @TempDir
    Path dir;

    @Test
    void theDefaultStaysPaper() {
        EngineConfig config = new ConfigLoader(Map.of()).load(List.of());

        assertThat(AdapterSelection.exchanges(config, Map.of())).noneMatch(m -> m instanceof XChangeExchangeModule);
    }

    @Test
    void anEnabledBinanceBuildsTheXChangeGatewayWithoutCallingTheVenue() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    binance: {enabled: true, base_url: "http://127.0.0.1:9"}
                """);

        List<Module> modules = AdapterSelection.exchanges(config, KEYS);
        Injector injector = Guice.createInjector(modules.get(0), binder -> binder.bind(EngineMetrics.class)
                .toInstance(EngineMetrics.NONE));

        assertThat(modules).singleElement().isInstanceOf(XChangeExchangeModule.class);
        assertThat(injector.getInstance(ExchangeGateway.class).venues()).containsExactly(ExchangeId.BINANCE);
        assertThat(injector.getInstance(ExchangeHealth.class).health()).singleElement()
                .satisfies(h -> assertThat(h.exchange()).isEqualTo(ExchangeId.BINANCE));
    }

    @Test
    void aMissingCredentialVariableIsOneLine() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    binance: {enabled: true}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, Map.of("BINANCE_API_KEY", "key-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.binance.api_secret: ${env:BINANCE_API_SECRET} is not set in the environment");
    }

    @Test
    void paperAndALiveVenueTogetherAreRefused() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    binance: {enabled: true}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, KEYS)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("engine.exchanges.paper.enabled: true cannot be combined with live venues (binance)");
    }

    @Test
    void okxAndBybitPerpetualsBuildOneGatewayOverBothWithTheirMetersAndHealth() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    okx: {enabled: true, market: perpetual, base_url: "http://127.0.0.1:9", read_timeout: 2s}
                    bybit: {enabled: true, market: perpetual, base_url: "http://127.0.0.1:9", max_retries: 1}
                """);
        Map<String, String> keys = Map.of("OKX_API_KEY", "k", "OKX_API_SECRET", "s", "OKX_API_PASSPHRASE", "p",
                "BYBIT_API_KEY", "k", "BYBIT_API_SECRET", "s");
        RecordingMetrics metrics = new RecordingMetrics();

        List<XChangeVenueConfig> venues = AdapterSelection.liveVenues(config.exchanges(), "USDT", keys);
        Injector injector = Guice.createInjector(AdapterSelection.exchanges(config, keys).get(0),
                binder -> binder.bind(EngineMetrics.class).toInstance(metrics));

        assertThat(venues).extracting(XChangeVenueConfig::exchange).containsExactly(ExchangeId.OKX, ExchangeId.BYBIT);
        assertThat(venues).allSatisfy(v -> assertThat(v.market()).isEqualTo(InstrumentKind.PERPETUAL));
        assertThat(venues.get(0).readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(venues.get(1).maxRetries()).isEqualTo(1);
        assertThat(venues.get(0).passphrase()).isEqualTo("p");
        assertThat(injector.getInstance(ExchangeGateway.class).venues()).containsExactlyInAnyOrder(ExchangeId.OKX, ExchangeId.BYBIT);
        assertThat(metrics.healthChecks).containsExactly("exchange-okx", "exchange-bybit");
        assertThat(metrics.meters).contains("huracan.exchange.requests okx", "huracan.exchange.banned bybit",
                "huracan.exchange.rate_limit_headroom okx", "huracan.exchange.breaker_state bybit");
    }

    @Test
    void anOkxKeyWithoutItsPassphraseIsOneLine() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    okx: {enabled: true, passphrase: ""}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, Map.of("OKX_API_KEY", "k", "OKX_API_SECRET", "s")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.okx.passphrase: is empty while api_key is set; allowed: the passphrase of the"
                        + " OKX api key (OKX signs every private request with it)");
    }

    @Test
    void aMarketThisBuildCannotTradeIsNamed() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    binance: {enabled: true, market: perpetual}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, KEYS)).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.binance.market: perpetual is not available in this build; allowed: spot"
                        + " (binance), spot or perpetual (okx, bybit)");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsOneLine() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    bybit: {enabled: true, api_key: "", api_secret: "", base_url: "api.bybit.com/v5"}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.bybit.base_url: 'api.bybit.com/v5' is invalid; allowed: empty (the venue's"
                        + " documented endpoint) or http(s)://host[:port]");
    }

    @Test
    void badRetryAndBreakerValuesNameTheirKey() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HURACAN_ENGINE__EXCHANGES__OKX__MAX_RETRIES", "40"))
                .load(List.of())).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.okx.max_retries: 40 is out of range [0, 10]"
                        + " (set by HURACAN_ENGINE__EXCHANGES__OKX__MAX_RETRIES)");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HURACAN_ENGINE__EXCHANGES__BYBIT__BREAKER_FAILURES", "0"))
                .load(List.of())).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.bybit.breaker_failures: 0 is invalid; allowed: an integer > 0"
                        + " (set by HURACAN_ENGINE__EXCHANGES__BYBIT__BREAKER_FAILURES)");
    }

    @Test
    void aBinanceStreamBindsTheLiveFeedBesideTheGatewayWithItsMetersAndHealth() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    binance:
                      enabled: true
                      base_url: "http://127.0.0.1:9"
                      stream: {enabled: true, url: "ws://127.0.0.1:9", stale_after: 5s}
                """);
        RecordingMetrics metrics = new RecordingMetrics();

        List<Module> modules = AdapterSelection.exchanges(config, KEYS);
        Injector injector = Guice.createInjector(modules.get(0), modules.get(1),
                binder -> binder.bind(EngineMetrics.class).toInstance(metrics));

        assertThat(modules).hasSize(2).element(1).isInstanceOf(XChangeMarketDataModule.class);
        LiveMarketDataFeed feed = injector.getInstance(LiveMarketDataFeed.class);
        assertThat(injector.getInstance(MarketDataFeed.class)).isSameAs(feed);
        assertThat(feed.statuses()).isEmpty(); // nothing connects before a coin is subscribed
        assertThat(AdapterSelection.liveStreams(config.exchanges())).singleElement()
                .satisfies(s -> assertThat(s.staleAfter()).isEqualTo(Duration.ofSeconds(5)));
        assertThat(metrics.healthChecks).containsExactly("exchange-binance", "exchange-binance-stream");
        assertThat(metrics.meters).contains("huracan.exchange.stream.messages binance",
                "huracan.exchange.stream.reconnects binance", "huracan.exchange.stream.gaps binance",
                "huracan.exchange.stream.resyncs binance", "huracan.exchange.stream.stale binance",
                "huracan.exchange.stream.live binance");
    }

    @Test
    void aStreamOfADisabledVenueIsOneLine() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    okx: {enabled: true}
                    binance: {stream: {enabled: true}}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, Map.of("OKX_API_KEY", "k", "OKX_API_SECRET", "s",
                "OKX_API_PASSPHRASE", "p"))).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.binance.stream.enabled: true needs engine.exchanges.binance.enabled: true"
                        + " (streams share the venue's request budget and listings)");
    }

    @Test
    void aStreamValueBeyondTheVenuesLimitNamesItsKey() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    binance: {enabled: true, stream: {enabled: true, coins_per_connection: 600}}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, KEYS)).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.binance.stream.coins_per_connection: 600 is out of range [1, 512]"
                        + " (binance's streams per connection)");
    }

    @Test
    void okxAndBybitStreamsBindTheLiveFeedWithEachVenuesMetersAndHealth() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    okx: {enabled: true, api_key: "", api_secret: "", passphrase: "", base_url: "http://127.0.0.1:9",
                          stream: {enabled: true}}
                    bybit: {enabled: true, market: perpetual, api_key: "", api_secret: "", base_url: "http://127.0.0.1:9",
                            stream: {enabled: true, coins_per_connection: 200}}
                """);
        RecordingMetrics metrics = new RecordingMetrics();

        List<Module> modules = AdapterSelection.exchanges(config, Map.of());
        Injector injector = Guice.createInjector(modules.get(0), modules.get(1),
                binder -> binder.bind(EngineMetrics.class).toInstance(metrics));

        assertThat(injector.getInstance(LiveMarketDataFeed.class).statuses()).isEmpty();
        assertThat(AdapterSelection.liveStreams(config.exchanges())).extracting(s -> s.exchange().key(),
                s -> s.coinsPerConnection()).containsExactly(Tuple.tuple("okx", 100), Tuple.tuple("bybit", 200));
        assertThat(metrics.healthChecks).containsExactly("exchange-okx", "exchange-bybit", "exchange-okx-stream",
                "exchange-bybit-stream");
        assertThat(metrics.meters).contains("huracan.exchange.stream.gaps okx", "huracan.exchange.stream.live bybit");
    }

    @Test
    void aBybitStreamBeyondItsLimitNamesItsKey() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    bybit: {enabled: true, api_key: "", api_secret: "", stream: {enabled: true, coins_per_connection: 201}}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.bybit.stream.coins_per_connection: 201 is out of range [1, 200]"
                        + " (bybit's streams per connection)");
    }

    /** The registrations the exchange module makes, by name and exchange tag. */
    private static final class RecordingMetrics implements EngineMetrics {
        final List<String> meters = new ArrayList<>();
        final List<String> healthChecks = new ArrayList<>();

        @Override
        public LatencyRecorder latency(String name, String description, MetricTag... tags) {
            meters.add(name + " " + tags[0].value());
            return nanos -> { };
        }

        @Override
        public void counter(String name, String description, LongSupplier total, MetricTag... tags) {
            meters.add(name + " " + tags[0].value());
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value, MetricTag... tags) {
            meters.add(name + " " + tags[0].value());
        }

        @Override
        public void healthCheck(String component, HealthCheck check) {
            healthChecks.add(component);
        }
    }

    private EngineConfig load(String yaml) throws IOException {
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of()).load(List.of(file));
    }
}
