package io.huracan.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;

/**
 * The result of one {@code huracan bench} run: {@code name}, {@code ops_per_s}, latency percentiles in
 * nanoseconds where latency applies, the machine, and the suite's own extra fields. Printed as a human
 * summary, or as one JSON object on the last line with {@code --json}.
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    public BenchReport(String name, double opsPerSecond) {
        root.put("name", name);
        root.put("ops_per_s", Math.round(opsPerSecond));
    }

    /** Adds p50_ns, p99_ns and p999_ns from a histogram recorded in nanoseconds. */
    public BenchReport latency(Histogram nanos) {
        root.put("p50_ns", nanos.getValueAtPercentile(50));
        root.put("p99_ns", nanos.getValueAtPercentile(99));
        root.put("p999_ns", nanos.getValueAtPercentile(99.9));
        root.put("max_ns", nanos.getMaxValue());
        root.put("samples", nanos.getTotalCount());
        return this;
    }

    public BenchReport put(String field, double value) {
        root.put(field, value);
        return this;
    }

    public BenchReport put(String field, long value) {
        root.put(field, value);
        return this;
    }

    public BenchReport put(String field, String value) {
        root.put(field, value);
        return this;
    }

    /** Prints the report: aligned lines for a person, or a single JSON line for a script. */
    public void print(PrintStream out, boolean json) {
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        if (json) {
            out.println(root.toString());
            return;
        }
        root.fields().forEachRemaining(field -> out.printf("%-24s %s%n", field.getKey(), field.getValue()));
    }
}
