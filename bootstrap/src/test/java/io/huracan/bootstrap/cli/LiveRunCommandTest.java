package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.engine.BinanceLiveStub;
import io.huracan.testkit.net.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code huracan run} on a config whose Binance stream is enabled says it trades live, on the real clock. */
class LiveRunCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aLiveSessionSaysItTradesOnTheVenuesStreams() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            int exit = run("--config", liveConfig(binance).toString(), "--duration", "2s", "--no-report");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("huracan: trading 2 of 2 coins live on the streams of binance, real time, 2s")
                    .doesNotContain("paper trading");
        }
    }

    /** The report of a live session samples equity, exposure and utilisation once a second of real time, as a simulated one does. */
    @Test
    void aLiveSessionsReportHasASampleForEverySecondOfTheRealClock() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            long before = System.currentTimeMillis() * 1_000;
            int exit = run("--config", liveConfig(binance).toString(), "--duration", "4s",
                    "--reports", dir.resolve("reports").toString());
            long after = System.currentTimeMillis() * 1_000;

            assertThat(exit).as(err.toString()).isZero();
            Path report;
            try (Stream<Path> listing = Files.list(dir.resolve("reports"))) {
                report = listing.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            assertThat(out.toString()).contains("report: " + report.resolve("index.html"));
            List<String> equity = Files.readAllLines(report.resolve("equity.csv"));
            assertThat(equity.get(0)).isEqualTo("epoch_micros,equity,realised_pnl,unrealised_pnl");
            List<Long> times = equity.stream().skip(1).map(line -> Long.parseLong(line.split(",")[0])).toList();
            // one at the start, one a second while it runs, one after settling: at least one a second of the 4
            assertThat(times).as(String.join("\n", equity)).hasSizeGreaterThanOrEqualTo(4).isSorted()
                    .allSatisfy(micros -> assertThat(micros).isBetween(before, after));
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1)).as("a second of real time between samples")
                        .isBetween(1_000_000L, 2_000_000L);
            }
            assertThat(equity.get(1)).endsWith(",1000000.0,0.0,0.0"); // nothing traded on the flat local book
            List<String> utilisation = Files.readAllLines(report.resolve("risk_utilisation.csv"));
            assertThat(utilisation.get(0)).isEqualTo("epoch_micros,scope,value");
            assertThat(utilisation).as("six scopes per sample").hasSize(1 + 6 * times.size());
        }
    }

    @Test
    void aLiveSessionWhoseBalanceCannotBeReadExitsOneWithOneLine() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            binance.refuseAccount();

            int exit = run("--config", liveConfig(binance).toString(), "--duration", "2s", "--no-report");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).doesNotContain("\n").startsWith(
                    "huracan: cannot start live: the USDT balance on binance could not be read (the starting equity of"
                            + " the risk limits): ");
            assertThat(out.toString()).doesNotContain("trading 2 of 2 coins");
        }
    }

    private int run(String... arguments) {
        var commandLine = HuracanCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(Stream.concat(Stream.of("run"), Stream.of(arguments)).toArray(String[]::new));
    }

    /**
     * Binance enabled with its stream, on the local Binance; the credentials only have to resolve (the stub checks no
     * signature). The account's balance is the stub's 1,000,000 USDT unless a test changes it.
     */
    private Path liveConfig(BinanceLiveStub binance) throws IOException {
        return Files.writeString(dir.resolve("live.yaml"), binance.liveConfig(FreePorts.loopback(), dir.resolve("registry"),
                "api_key: ${env:HOME}, api_secret: ${env:HOME}", ""));
    }
}
