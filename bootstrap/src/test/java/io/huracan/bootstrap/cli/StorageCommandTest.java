package io.huracan.bootstrap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code huracan storage ...} end to end on a temporary root given by a --config file. */
class StorageCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int huracan(String... args) {
        var commandLine = HuracanCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("storage.yaml"),
                "engine:\n  storage:\n    root: " + dir.resolve("data") + "\n");
    }

    @Test
    void importsListsQueriesAndCompacts() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"),
                "timestamp,price,amount\n1709251200000,60000.5,-0.25\n1709337600000,60100,1\n");
        Path more = Files.writeString(dir.resolve("u.csv"), "timestamp,price,amount\n1709251200500,60001,2\n");
        String config = config().toString();

        assertThat(huracan("storage", "import", "-c", config, "--coin", "BTC", csv.toString(), more.toString())).isZero();
        assertThat(out.toString()).contains("t.csv: trades-csv, 2 rows", "  BTC 2024-03-01 1 rows", "  BTC 2024-03-02 1 rows");

        assertThat(huracan("storage", "ls", "-c", config, "--dataset", "trades")).isZero();
        assertThat(out.toString()).containsPattern("trades +BTC +2024-03-01 +2 +2 ");

        assertThat(huracan("storage", "compact", "-c", config)).isZero();
        assertThat(out.toString()).contains("trades: compacted 1 partitions (2 files, 2 rows)");

        out.getBuffer().setLength(0);
        assertThat(huracan("storage", "query", "-c", config, "--from", "2024-03-01", "--to", "2024-03-02")).isZero();
        assertThat(out.toString().lines()).containsExactly("coin,exchange,timestampMicros,price,quantity,aggressor",
                "BTC,BINANCE,1709251200000000,60000.5,0.25,SELL", "BTC,BINANCE,1709251200500000,60001.0,2.0,BUY");
    }

    @Test
    void badUsageIsOneLineAndExitCodeTwo() throws IOException {
        String config = config().toString();

        assertThat(huracan("storage", "import", "-c", config, "--coin", "btc", "x.csv")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "huracan storage import: coin symbol 'btc' is invalid; allowed: 1-20 upper-case letters or digits");

        err.getBuffer().setLength(0);
        assertThat(huracan("storage", "query", "-c", config, "--dataset", "quotes")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("huracan storage query: dataset 'quotes' is unknown; allowed: "
                + "trades, book_tops, candles, funding, features");
    }
}
