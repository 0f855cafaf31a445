package io.huracan.bootstrap.cli;

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

/** {@code huracan run} as a user runs it, on the embedded defaults, as fast as the machine allows. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aSessionPrintsItsSummaryAndWritesTheReport() throws IOException {
        int port = FreePorts.loopback();
        Path registry = Files.writeString(dir.resolve("registry.yaml"), "engine:\n  registry:\n    path: "
                + dir.resolve("registry") + "\n  observability:\n    port: " + port + "\n");

        int exit = run("run", "--config", registry.toString(), "--duration", "2m", "--speed", "0", "--coins", "10",
                "--seed", "3", "--reports", dir.resolve("reports").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("paper trading 10 of 400 coins", "session summary", "fills", "report: ",
                "metrics on http://127.0.0.1:" + port + "/metrics");
        List<Path> reports;
        try (Stream<Path> listing = Files.list(dir.resolve("reports"))) {
            reports = listing.toList();
        }
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.resolve("index.html")).exists();
            assertThat(report.resolve("fills.csv")).exists();
            assertThat(Files.readAllLines(report.resolve("equity.csv"))).hasSizeGreaterThan(100);
        });
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        assertThat(run("run", "--coins", "401", "--duration", "1s")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("engine.universe.active_coins: 401 is out of range [0, max_coins = 400] (set by --coins)"
                + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(run("run", "--replay", "2026-01-07..2026-01-05")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--replay '2026-01-07..2026-01-05' is invalid; allowed: a UTC day YYYY-MM-DD");

        err.getBuffer().setLength(0);
        assertThat(run("run", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration; allowed: a whole number with us, ms, s, m, h or d");
    }

    private int run(String... args) {
        var commandLine = HuracanCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
