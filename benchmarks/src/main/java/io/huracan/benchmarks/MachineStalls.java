package io.huracan.benchmarks;

/**
 * The latency floor of the machine itself, measured like jHiccup: one thread does nothing but read the clock, and
 * every gap longer than {@code thresholdNanos} between two reads is time the thread could not run (the scheduler, the
 * hypervisor, interrupts). If the thread is stalled for more than 1 % of the time, no event loop on this machine can
 * hold a p99 below the threshold, whatever it does.
 */
record MachineStalls(double stalledFraction, long stalls, long maxStallNanos, double seconds) {

    static MachineStalls measure(double seconds, long thresholdNanos) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long last = System.nanoTime();
        long stalled = 0;
        long stalls = 0;
        long max = 0;
        long start = last;
        while (last < end) {
            long now = System.nanoTime();
            long gap = now - last;
            if (gap > thresholdNanos) {
                stalled += gap;
                stalls++;
                max = Math.max(max, gap);
            }
            last = now;
        }
        double elapsed = (last - start) / 1e9;
        return new MachineStalls(stalled / 1e9 / elapsed, stalls, max, elapsed);
    }

    void addTo(BenchReport report) {
        report.put("machine_stalled_fraction_over_100us", Math.round(stalledFraction * 1e5) / 1e5)
                .put("machine_stalls_over_100us_per_s", Math.round(stalls / seconds))
                .put("machine_max_stall_us", maxStallNanos / 1_000);
    }
}
