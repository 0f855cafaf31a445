package io.huracan.benchmarks;

/** Long benchmarks say which phase they are in on a terminal, and stay quiet in a pipe. */
final class BenchProgress {
    private BenchProgress() {
    }

    static void phase(String bench, String phase) {
        if (System.console() != null) {
            System.err.println("bench " + bench + ": " + phase + "...");
        }
    }
}
