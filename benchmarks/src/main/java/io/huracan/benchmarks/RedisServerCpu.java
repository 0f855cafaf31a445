package io.huracan.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time the Redis server has used so far ({@code INFO cpu}: used_cpu_sys + used_cpu_user, which Redis reports
 * in microseconds), read with redis-cli as {@link RedisKeys} does. The difference over a run is what the server spent
 * on it, plus whatever other clients of the same server asked for meanwhile.
 */
final class RedisServerCpu {
    private RedisServerCpu() {
    }

    static long nanos(String redisUri) throws IOException, InterruptedException {
        URI uri = URI.create(redisUri);
        Process process;
        try {
            process = new ProcessBuilder("redis-cli", "-h", uri.getHost(), "-p",
                    Integer.toString(uri.getPort() < 0 ? 6379 : uri.getPort()), "INFO", "cpu")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("redis-cli is not on the PATH (it ships with redis-server, e.g. `apt-get install "
                    + "redis-tools`); it reads the server's CPU time for redis_cpu_ns_per_msg", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("redis-cli INFO cpu failed: " + output.strip());
        }
        return parse(output);
    }

    /** used_cpu_sys + used_cpu_user of an {@code INFO cpu} reply, in nanoseconds. */
    static long parse(String info) throws IOException {
        double seconds = 0;
        int found = 0;
        for (String line : info.lines().toList()) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
                found++;
            }
        }
        if (found != 2) {
            throw new IOException("INFO cpu has no used_cpu_sys and used_cpu_user lines: " + info.strip());
        }
        return Math.round(seconds * 1e9);
    }
}
