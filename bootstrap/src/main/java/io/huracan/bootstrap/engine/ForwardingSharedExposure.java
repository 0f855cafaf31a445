package io.huracan.bootstrap.engine;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Sector;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;

import java.time.Duration;

/** A {@link SharedExposure} that hands every call to another; subclasses wrap the calls they measure. */
public abstract class ForwardingSharedExposure implements SharedExposure {
    private final SharedExposure exposure;

    protected ForwardingSharedExposure(SharedExposure exposure) {
        this.exposure = exposure;
    }

    @Override
    public int reserve(Coin coin, Sector sector, long fencingToken, long version, long[] contribution, long[] caps,
                       long[] totals) {
        return exposure.reserve(coin, sector, fencingToken, version, contribution, caps, totals);
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
