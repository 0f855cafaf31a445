package io.huracan.bootstrap.config;

import io.huracan.domain.loop.BackpressurePolicy;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void bundledDefaultsBindEveryKey() {
        EngineConfig config = loader.load(List.of());

        assertThat(config.universe().maxCoins()).isEqualTo(400);
        assertThat(config.universe().activeCoins()).isEqualTo(20);
        assertThat(config.universe().coins()).hasSize(400);
        assertThat(config.universe().coins().get(0).symbol()).isEqualTo(Coin.of("BTC"));
        assertThat(config.universe().coins().get(0).exchanges())
                .containsExactlyInAnyOrder(ExchangeId.BINANCE, ExchangeId.OKX, ExchangeId.BYBIT);
        assertThat(config.maxConcurrentTrades()).isEqualTo(500);
        assertThat(config.softThrottleTrades()).isEqualTo(100);
        assertThat(config.eventLoop().coinsPerLoop()).isEqualTo(50);
        assertThat(config.eventLoop().backpressure()).isEqualTo(BackpressurePolicy.BLOCK);
        assertThat(config.risk().softThrottleRatio()).isEqualTo(0.8);
        assertThat(config.risk().coolDown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.risk().drawdown().global().rollingWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(config.costModel().fees().get("binance").takerBps()).isEqualTo(10.0);
        assertThat(config.messageBus().maxLength().marketData()).isEqualTo(1_000_000);
        assertThat(config.registry().promotion().bestN()).isEqualTo(3);
        assertThat(config.exchanges().binance().apiSecret().environmentVariable()).isEqualTo("BINANCE_API_SECRET");
        assertThat(config.observability().port()).isEqualTo(9464);
    }

    @Test
    void laterFilesWinAndMapsMerge() throws IOException {
        Path first = write("first.yaml", "engine:\n  universe:\n    active_coins: 30\n  risk:\n    soft_throttle_ratio: 0.7\n");
        Path second = write("second.yaml", "engine:\n  universe:\n    active_coins: 40\n");

        EngineConfig config = loader.load(List.of(first, second));

        assertThat(config.universe().activeCoins()).isEqualTo(40);
        assertThat(config.risk().softThrottleRatio()).isEqualTo(0.7);
        assertThat(config.universe().coins()).hasSize(400);
    }

    @Test
    void environmentOverridesFilesWithNestedKeys() throws IOException {
        Path file = write("f.yaml", "engine:\n  storage:\n    root: /from/file\n");
        var withEnv = new ConfigLoader(Map.of(
                "HURACAN_ENGINE__STORAGE__ROOT", "/data",
                "HURACAN_ENGINE__UNIVERSE__ACTIVE_COINS", "50",
                "UNRELATED", "x"));

        EngineConfig config = withEnv.load(List.of(file));

        assertThat(config.storage().root()).isEqualTo("/data");
        assertThat(config.universe().activeCoins()).isEqualTo(50);
    }

    @Test
    void rejectsAnUnknownKeyNamingWhatIsAllowed() throws IOException {
        assertRejected("engine:\n  risk:\n    soft_throtle_ratio: 0.5\n",
                "engine.risk.soft_throtle_ratio: unknown key; allowed here: cool_down, drawdown, limits, min_order_notional, "
                        + "soft_throttle_ratio, stale_price_threshold");
    }

    @Test
    void rejectsAWrongType() throws IOException {
        assertRejected("engine:\n  universe:\n    max_coins: lots\n",
                "engine.universe.max_coins: 'lots' is not an integer");
    }

    @Test
    void rejectsANegativeLimit() throws IOException {
        assertRejected("engine:\n  risk:\n    limits:\n      per_coin: -5\n",
                "engine.risk.limits.per_coin: -5 is invalid; allowed: a finite number > 0");
    }

    @Test
    void rejectsClusterTimingsThatCannotKeepALeaseAndABadMemberName() throws IOException {
        assertRejected("engine:\n  cluster:\n    lease_ttl: 5s\n    renew_interval: 2s\n",
                "engine.cluster.renew_interval: PT2S is too long for lease_ttl PT5S; allowed: at most a third of "
                        + "lease_ttl (a lease must survive two missed renewals and keep the admission margin)");
        assertRejected("engine:\n  cluster:\n    member_id: 'engine a'\n",
                "engine.cluster.member_id: 'engine a' is invalid; allowed: empty (host and pid) or 1-64 of A-Z a-z "
                        + "0-9 _ . -");
    }

    @Test
    void rejectsASoftThrottleRatioOutsideItsRange() throws IOException {
        assertRejected("engine:\n  risk:\n    soft_throttle_ratio: 1.4\n",
                "engine.risk.soft_throttle_ratio: 1.4 is out of range (0, 1]");
        assertRejected("engine:\n  risk:\n    soft_throttle_ratio: 0\n",
                "engine.risk.soft_throttle_ratio: 0 is out of range (0, 1]");
    }

    @Test
    void rejectsActiveCoinsAboveMaxCoins() throws IOException {
        assertRejected("engine:\n  universe:\n    max_coins: 400\n    active_coins: 401\n",
                "engine.universe.active_coins: 401 is out of range [0, max_coins = 400]");
    }

    @Test
    void rejectsALiteralSecret() throws IOException {
        assertRejected("engine:\n  exchanges:\n    binance:\n      api_secret: hunter2\n",
                "engine.exchanges.binance.api_secret: a literal secret is not allowed; allowed: a reference such as "
                        + "${env:BINANCE_API_SECRET}, or empty");
    }

    @Test
    void rejectsMalformedYamlWithItsLine() throws IOException {
        Path file = write("bad.yaml", "engine:\n  universe:\n    active_coins: [1, 2\n  risk: {}\n");

        assertThatThrownBy(() -> loader.load(List.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":4:")
                .hasMessageContaining("malformed YAML");
    }

    @Test
    void rejectsABadDurationAndABadEnum() throws IOException {
        assertRejected("engine:\n  risk:\n    cool_down: 15x\n",
                "engine.risk.cool_down: '15x' is not a duration; allowed: a whole number with us, ms, s, m, h or d, e.g. 15m");
        assertRejected("engine:\n  event_loop:\n    backpressure: drop_newest\n",
                "engine.event_loop.backpressure: 'drop_newest' is not allowed; allowed: block, drop_oldest");
    }

    @Test
    void rejectsAnUnknownExchangeInACoinListing() throws IOException {
        assertRejected("engine:\n  universe:\n    coins:\n      - {symbol: BTC, sector: layer1, exchanges: [kraken]}\n",
                "engine.universe.coins[0].exchanges[0]: exchange 'kraken' is unknown; allowed: paper, binance, okx, bybit");
    }

    @Test
    void rejectsANonLoopbackMetricsEndpointWithoutAToken() throws IOException {
        assertRejected("engine:\n  observability:\n    bind_address: 0.0.0.0\n",
                "engine.observability.bearer_token: is empty while bind_address is 0.0.0.0; a non-loopback address "
                        + "needs a token reference such as ${env:HURACAN_METRICS_TOKEN}");
    }

    @Test
    void rejectsARetrainingScheduleThatIsNotCron() throws IOException {
        assertRejected("engine:\n  retraining:\n    schedule: '0 24 * * *'\n",
                "engine.retraining.schedule: cron '0 24 * * *': hour '24' is invalid; allowed: *, a number 0-23, "
                        + "a range a-b, a step */n or a-b/n, or a list");
    }

    @Test
    void namesTheEnvironmentVariableBehindABadValue() {
        var withEnv = new ConfigLoader(Map.of("HURACAN_ENGINE__RISK__SOFT_THROTTLE_RATIO", "2"));

        assertThatThrownBy(() -> withEnv.load(List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("engine.risk.soft_throttle_ratio: 2 is out of range (0, 1] "
                        + "(set by HURACAN_ENGINE__RISK__SOFT_THROTTLE_RATIO)");
    }

    @Test
    void rejectsAMissingFileAndAWrongTopLevel() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(List.of(missing)))
                .hasMessage(missing + ": no such config file");
        Path wrongTop = write("top.yaml", "risk:\n  soft_throttle_ratio: 0.5\n");
        assertThatThrownBy(() -> loader.load(List.of(wrongTop)))
                .hasMessage(wrongTop + ": the top level must be the single key 'engine'; found: risk");
    }

    @Test
    void showPrintsTheEffectiveConfigInItsOwnVocabularyWithSecretsRedacted() {
        var withSecret = new ConfigLoader(Map.of("BINANCE_API_SECRET", "s3cr3t-value"));
        String yaml = ConfigPrinter.toYaml(withSecret.load(List.of()));

        assertThat(yaml).contains("soft_throttle_ratio: 0.8", "cool_down: 15m", "backpressure: block",
                "api_secret: \"${env:BINANCE_API_SECRET}\"").doesNotContain("s3cr3t-value");
        EngineConfig reloaded = loader.load(List.of(writeUnchecked("shown.yaml", yaml)));
        assertThat(reloaded.risk()).isEqualTo(loader.load(List.of()).risk());
    }

    private void assertRejected(String yaml, String message) throws IOException {
        Path file = write("layer.yaml", yaml);
        assertThatThrownBy(() -> loader.load(List.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path writeUnchecked(String name, String content) {
        try {
            return write(name, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
