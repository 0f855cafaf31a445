package io.huracan.bootstrap.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.huracan.adapter.xchange.ExchangeHealth;
import io.huracan.adapter.xchange.XChangeExchangeModule;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.ExchangeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        Injector injector = Guice.createInjector(modules);

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
    void aVenueThisBuildCannotTradeIsNamed() throws IOException {
        EngineConfig config = load("""
                engine:
                  exchanges:
                    paper: {enabled: false}
                    okx: {enabled: true, api_key: "", api_secret: "", passphrase: ""}
                """);

        assertThatThrownBy(() -> AdapterSelection.exchanges(config, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("engine.exchanges.okx: market SPOT is not available in this build; allowed: binance with market spot");
    }

    private EngineConfig load(String yaml) throws IOException {
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of()).load(List.of(file));
    }
}
