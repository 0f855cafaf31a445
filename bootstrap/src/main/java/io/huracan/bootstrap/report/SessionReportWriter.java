package io.huracan.bootstrap.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a session report directory: {@code index.html} with ECharts charts (equity, exposure by sector and by
 * exchange, risk utilisation against limits, cost-skip reasons, predicted against realised cost), the numbers
 * behind each chart as CSV, and {@code echarts.min.js} beside them so the page opens offline. The directory is
 * written under a temporary name and renamed, so a report is either complete or absent.
 */
public final class SessionReportWriter {
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String TEMPLATE = "/io/huracan/bootstrap/report/report.html";

    private static final Comparator<FillRow> FILL_ORDER = Comparator.comparingLong(FillRow::sessionMillis)
            .thenComparing(FillRow::coin).thenComparing(FillRow::exchange).thenComparing(FillRow::side)
            .thenComparing(FillRow::price).thenComparing(FillRow::quantity);

    private final ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final CsvMapper csv = new CsvMapper();

    /** Writes the report into {@code directory} (which must not exist yet) and returns the page's path. */
    public Path write(SessionRecording recording, Path directory) {
        var data = recording.snapshot();
        Path staging = directory.resolveSibling("." + directory.getFileName() + ".partial");
        try {
            Files.createDirectories(staging);
            copyResource(ECHARTS, staging.resolve("echarts.min.js"));
            writeCsvs(data, staging);
            // the page charts everything but the fill list, which can be long: that stays in fills.csv
            String page = resource(TEMPLATE).replace("/*REPORT_DATA*/null",
                    embeddable(json.writeValueAsString(data.withoutFills())));
            Files.writeString(staging.resolve("index.html"), page);
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            return directory.resolve("index.html");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session report to " + directory + ": " + e.getMessage(), e);
        }
    }

    private void writeCsvs(SessionRecording.Snapshot data, Path dir) throws IOException {
        writeRows(dir.resolve("equity.csv"), List.of("epoch_micros", "equity", "realised_pnl", "unrealised_pnl"),
                data.equity().stream().map(p -> List.<Object>of(p.epochMicros(), p.equity(), p.realisedPnl(), p.unrealisedPnl())).toList());
        writeLong(dir.resolve("exposure_by_sector.csv"), "sector",
                data.exposure().stream().map(p -> Map.entry(p.epochMicros(), p.bySector())).toList());
        writeLong(dir.resolve("exposure_by_exchange.csv"), "exchange",
                data.exposure().stream().map(p -> Map.entry(p.epochMicros(), p.byExchange())).toList());
        writeLong(dir.resolve("risk_utilisation.csv"), "scope",
                data.utilisation().stream().map(p -> Map.entry(p.epochMicros(), p.byScope())).toList());
        writeRows(dir.resolve("cost_skips.csv"), List.of("reason", "count"),
                data.costSkips().entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
        writeRows(dir.resolve("order_costs.csv"), List.of("client_order_id", "coin", "exchange", "predicted_bps", "realised_bps"),
                data.orderCosts().stream().map(c -> List.<Object>of(c.clientOrderId(), c.coin(), c.exchange(), c.predictedBps(), c.realisedBps())).toList());
        writeRows(dir.resolve("fills.csv"), List.of("session_ms", "coin", "exchange", "side", "price", "quantity", "fee_quote", "maker"),
                // fills of one market step arrive from several loops in any order: sorted, two runs compare line by line
                data.fills().stream().sorted(FILL_ORDER).map(f -> List.<Object>of(f.sessionMillis(), f.coin(), f.exchange(), f.side(), f.price(),
                        f.quantity(), f.feeQuote(), f.maker())).toList());
        writeRows(dir.resolve("summary.csv"), List.of("name", "value"),
                data.summary().entrySet().stream().map(e -> List.<Object>of(e.getKey(), String.valueOf(e.getValue()))).toList());
    }

    /** A series keyed by time and by a name (sector, exchange, scope), written in long form: time, name, value. */
    private void writeLong(Path file, String keyName, List<Map.Entry<Long, Map<String, Double>>> series) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (var point : series) {
            for (String key : new TreeSet<>(point.getValue().keySet())) {
                rows.add(List.of(point.getKey(), key, point.getValue().get(key)));
            }
        }
        writeRows(file, List.of("epoch_micros", keyName, "value"), rows);
    }

    private void writeRows(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        var schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        try (SequenceWriter writer = csv.writer(schema.build().withHeader()).writeValues(file.toFile())) {
            for (List<Object> row : rows) {
                writer.write(row);
            }
        }
    }

    /** JSON is embedded in a script element, where a literal "</" would end it early. */
    private static String embeddable(String jsonText) {
        return jsonText.replace("</", "<\\/");
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = open(name)) {
            Files.copy(in, target);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String name) {
        InputStream in = SessionReportWriter.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        return in;
    }
}
