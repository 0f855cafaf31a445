package io.huracan.adapter.alpha;

import io.huracan.domain.risk.TradeLimits;

/** Planted violation: an adapter that depends on the domain. */
public final class AlphaReachingIntoDomain {
    public int hardLimit(TradeLimits limits) {
        return limits.maxConcurrentTrades();
    }
}
