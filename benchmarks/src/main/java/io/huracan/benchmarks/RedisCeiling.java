package io.huracan.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Redis server itself sustains for XADD: {@code redis-benchmark -P 64} (64 commands pipelined per
 * connection, its default 50 connections) appending payloads of the bus's size to one stream, run as a child process
 * against the same server as the bus; the bus's throughput is reported as a ratio of it.
 */
final class RedisCeiling {
    private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");

    private RedisCeiling() {
    }

    /** The exact command, for the report and docs/benchmarks.md. */
    static List<String> command(String redisUri, String key, long requests, int payloadBytes, long maxLength) {
        URI uri = URI.create(redisUri);
        return List.of("redis-benchmark", "-h", uri.getHost(),
                "-p", Integer.toString(uri.getPort() < 0 ? 6379 : uri.getPort()), "-P", "64", "-n", Long.toString(requests),
                "-q", "XADD", key, "MAXLEN", "~", Long.toString(maxLength), "*", "p", "x".repeat(payloadBytes));
    }

    /** Runs redis-benchmark and returns its XADD requests per second; fails with one line if it cannot. */
    static double measure(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("redis-benchmark is not on the PATH (it ships with redis-server, e.g. `apt-get install "
                    + "redis-tools`); it measures the ceiling_ops_per_s the redis bus is compared with", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("redis-benchmark failed: " + output.strip());
        }
        return parse(output);
    }

    /** The last rate in redis-benchmark's quiet output, e.g. {@code XADD ...: 512345.67 requests per second, p50=...}. */
    static double parse(String output) throws IOException {
        Matcher matcher = RATE.matcher(output);
        double rate = -1;
        while (matcher.find()) {
            rate = Double.parseDouble(matcher.group(1));
        }
        if (rate < 0) {
            throw new IOException("redis-benchmark printed no 'requests per second': " + output.strip());
        }
        return rate;
    }
}
