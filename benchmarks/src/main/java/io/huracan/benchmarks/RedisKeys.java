package io.huracan.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Removes a bench run's keys with redis-cli (the benchmark tool's sibling), so runs leave the server as they found it. */
final class RedisKeys {
    private RedisKeys() {
    }

    static void delete(String redisUri, String prefix) {
        URI uri = URI.create(redisUri);
        List<String> base = List.of("redis-cli", "-h", uri.getHost(), "-p",
                Integer.toString(uri.getPort() < 0 ? 6379 : uri.getPort()));
        try {
            var scan = new ArrayList<>(base);
            scan.addAll(List.of("--scan", "--pattern", prefix + "*"));
            Process listing = new ProcessBuilder(scan).start();
            List<String> keys = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            listing.waitFor();
            if (!keys.isEmpty()) {
                var delete = new ArrayList<>(base);
                delete.add("DEL");
                delete.addAll(keys);
                new ProcessBuilder(delete).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
        } catch (IOException e) {
            System.err.println("bench bus: could not delete the run's keys " + prefix + "*: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
