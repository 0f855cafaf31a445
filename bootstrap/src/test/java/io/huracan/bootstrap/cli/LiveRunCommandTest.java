package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.engine.BinanceLiveStub;
import io.huracan.testkit.net.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
            // the credentials only have to resolve: the local Binance does not check signatures
            Path config = Files.writeString(dir.resolve("live.yaml"), """
                    engine:
                      universe:
                        active_coins: 2
                        coins:
                          - {symbol: BTC, sector: layer1, exchanges: [binance]}
                          - {symbol: ETH, sector: layer1, exchanges: [binance]}
                      exchanges:
                        paper: {enabled: false}
                        binance:
                          enabled: true
                          api_key: ${env:HOME}
                          api_secret: ${env:HOME}
                          base_url: "%s"
                          stream: {enabled: true, url: "%s"}
                      observability: {port: %d}
                      registry: {path: "%s"}
                    """.formatted(binance.restUrl(), binance.streamUrl(), FreePorts.loopback(), dir.resolve("registry")));

            var commandLine = HuracanCli.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute("run", "--config", config.toString(), "--duration", "2s", "--no-report");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("huracan: trading 2 of 2 coins live on the streams of binance, real time, 2s")
                    .doesNotContain("paper trading");
        }
    }
}
