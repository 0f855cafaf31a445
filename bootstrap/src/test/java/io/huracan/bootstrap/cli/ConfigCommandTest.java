package io.huracan.bootstrap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code huracan config validate|show} as a user runs them: exit codes and exactly one line per error. */
class ConfigCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void validateAcceptsTheBaseConfig() {
        int exit = run("config", "validate", "--config", Path.of("../config/base.yaml").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("config ok: 400 coins (20 active)");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key      | engine:\\n  universe:\\n    max_coin: 3\\n | engine.universe.max_coin: unknown key; allowed here: active_coins, coins, max_coins, quote_currency",
            "wrong type       | engine:\\n  event_loop:\\n    coins_per_loop: fifty\\n | engine.event_loop.coins_per_loop: 'fifty' is not an integer",
            "negative limit   | engine:\\n  risk:\\n    limits:\\n      global_gross: -1\\n | engine.risk.limits.global_gross: -1 is invalid; allowed: a finite number > 0",
            "ratio range      | engine:\\n  risk:\\n    soft_throttle_ratio: 1.4\\n | engine.risk.soft_throttle_ratio: 1.4 is out of range (0, 1]",
            "active > max     | engine:\\n  universe:\\n    active_coins: 500\\n | engine.universe.active_coins: 500 is out of range [0, max_coins = 400]",
            "literal secret   | engine:\\n  exchanges:\\n    okx:\\n      api_key: abc123\\n | engine.exchanges.okx.api_key: a literal secret is not allowed; allowed: a reference such as ${env:BINANCE_API_SECRET}, or empty",
            "unset secret     | engine:\\n  exchanges:\\n    paper: {enabled: false}\\n    okx: {enabled: true, api_key: '${env:HURACAN_TEST_UNSET_OKX_KEY}'}\\n | engine.exchanges.okx.api_key: ${env:HURACAN_TEST_UNSET_OKX_KEY} is not set in the environment",
            "paper and live   | engine:\\n  exchanges:\\n    bybit: {enabled: true, api_key: '', api_secret: ''}\\n | engine.exchanges.paper.enabled: true cannot be combined with live venues (bybit); allowed: paper alone, or live venues with paper disabled",
    })
    void validateRejectsWithOnePreciseLineAndExitTwo(String name, String yaml, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("\\n", "\n"));

        int exit = run("config", "validate", "--config", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(expected + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateNamesTheLiveVenuesItWouldTradeOn() throws IOException {
        Path file = Files.writeString(dir.resolve("live.yaml"), """
                engine:
                  exchanges:
                    paper: {enabled: false}
                    okx: {enabled: true, market: perpetual, api_key: '', api_secret: '', passphrase: ''}
                    bybit: {enabled: true, api_key: '', api_secret: ''}
                """);

        int exit = run("config", "validate", "--config", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).endsWith(", exchanges okx perpetual, bybit spot" + System.lineSeparator());
    }

    @Test
    void validateReportsMalformedYamlWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "engine:\n  risk:\n    limits: {per_coin: 5\n");

        int exit = run("config", "validate", "--config", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith(file + ":4:").contains("malformed YAML");
    }

    @Test
    void showPrintsTheEffectiveConfig() {
        int exit = run("config", "show");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("engine:").contains("active_coins: 20", "api_key: \"${env:BINANCE_API_KEY}\"");
    }

    @Test
    void unknownCommandIsBadUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    private int run(String... args) {
        var commandLine = HuracanCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
