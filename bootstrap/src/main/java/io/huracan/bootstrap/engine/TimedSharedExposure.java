package io.huracan.bootstrap.engine;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Sector;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.LatencyRecorder;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;

import java.time.Duration;

/** The shared exposure with each order admission's round trip timed into {@code huracan.cluster.admission_latency}. */
final class TimedSharedExposure implements SharedExposure {
    private final SharedExposure exposure;
    private final LatencyRecorder admission;

    TimedSharedExposure(SharedExposure exposure, EngineMetrics metrics) {
        this.exposure = exposure;
        this.admission = metrics.latency("huracan.cluster.admission_latency",
                "order admission against the shared exposure in Redis (lease, limits), seconds");
    }

    @Override
    public int reserve(Coin coin, Sector sector, long fencingToken, long version, long[] contribution, long[] caps,
                       long[] totals) {
        long start = System.nanoTime();
        try {
            return exposure.reserve(coin, sector, fencingToken, version, contribution, caps, totals);
        } finally {
            admission.recordNanos(System.nanoTime() - start);
        }
    }

    @Override
    public void publish(Coin coin, Sector sector, long fencingToken, long version, long[] contribution) {
        exposure.publish(coin, sector, fencingToken, version, contribution);
    }

    @Override
    public boolean flush(Duration timeout) {
        return exposure.flush(timeout);
    }

    @Override
    public int pendingWrites() {
        return exposure.pendingWrites();
    }

    @Override
    public SharedTotals totals() {
        return exposure.totals();
    }

    @Override
    public void close() {
        exposure.close();
    }
}
