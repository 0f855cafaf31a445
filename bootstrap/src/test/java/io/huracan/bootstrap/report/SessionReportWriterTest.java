package io.huracan.bootstrap.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesThePageTheChartLibraryAndTheNumbersBehindEachChart() throws IOException {
        var recording = new SessionRecording();
        recording.add(new EquityPoint(1_000_000, 1_000_000.0, 0.0, 0.0));
        recording.add(new EquityPoint(2_000_000, 1_000_012.5, 10.0, 2.5));
        recording.add(new ExposurePoint(2_000_000, Map.of("layer1", 5000.0, "defi", 1200.0), Map.of("binance", 6200.0)));
        recording.add(new UtilisationPoint(2_000_000, Map.of("global_gross", 0.0062)));
        recording.add(new OrderCost("o-1", "BTC", "binance", 11.5, 12.25));
        recording.costSkips(Map.of("below_min_edge", 42L, "book_too_thin", 3L));
        recording.summary("fills", 1);

        Path page = new SessionReportWriter().write(recording, dir.resolve("20261124-053000"));

        assertThat(page).isEqualTo(dir.resolve("20261124-053000/index.html"));
        assertThat(Files.readString(page)).contains("\"realised_pnl\":10.0", "\"below_min_edge\":42")
                .doesNotContain("/*REPORT_DATA*/");
        assertThat(Files.size(page.resolveSibling("echarts.min.js"))).isGreaterThan(500_000);
        assertThat(Files.readAllLines(page.resolveSibling("equity.csv")))
                .containsExactly("epoch_micros,equity,realised_pnl,unrealised_pnl", "1000000,1000000.0,0.0,0.0",
                        "2000000,1000012.5,10.0,2.5");
        assertThat(Files.readAllLines(page.resolveSibling("exposure_by_sector.csv")))
                .containsExactly("epoch_micros,sector,value", "2000000,defi,1200.0", "2000000,layer1,5000.0");
        assertThat(Files.readAllLines(page.resolveSibling("order_costs.csv")))
                .containsExactly("client_order_id,coin,exchange,predicted_bps,realised_bps", "o-1,BTC,binance,11.5,12.25");
        assertThat(dir.resolve(".20261124-053000.partial")).doesNotExist();
    }
}
