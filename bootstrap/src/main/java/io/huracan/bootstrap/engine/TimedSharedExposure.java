package io.huracan.bootstrap.engine;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Sector;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.LatencyRecorder;
import io.huracan.ports.risk.SharedExposure;

/** The shared exposure with each order admission's round trip timed into {@code huracan.cluster.admission_latency}. */
final class TimedSharedExposure extends ForwardingSharedExposure {
    private final LatencyRecorder admission;

    TimedSharedExposure(SharedExposure exposure, EngineMetrics metrics) {
        super(exposure);
        this.admission = metrics.latency("huracan.cluster.admission_latency",
                "order admission against the shared exposure in Redis (lease, limits), seconds");
    }

    @Override
    public int reserve(Coin coin, Sector sector, long fencingToken, long version, long[] contribution, long[] caps,
                       long[] totals) {
        long start = System.nanoTime();
        try {
            return super.reserve(coin, sector, fencingToken, version, contribution, caps, totals);
        } finally {
            admission.recordNanos(System.nanoTime() - start);
        }
    }
}
