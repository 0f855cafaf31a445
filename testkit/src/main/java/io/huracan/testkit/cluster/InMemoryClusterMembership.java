package io.huracan.testkit.cluster;

import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.MarketEpoch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/** Cluster membership in one JVM with the Redis semantics, on a store clock in milliseconds that tests can move. */
public final class InMemoryClusterMembership implements ClusterMembership {
    private final LongSupplier nowMillis;
    private final Map<String, Long> expiries = new TreeMap<>();
    private MarketEpoch market;
    private long marketAgreedAt;

    public InMemoryClusterMembership(LongSupplier nowMillis) {
        this.nowMillis = nowMillis;
    }

    @Override
    public synchronized List<String> heartbeat(String member, Duration ttl) {
        long now = nowMillis.getAsLong();
        expiries.values().removeIf(expiry -> expiry <= now);
        expiries.put(member, now + ttl.toMillis());
        return List.copyOf(expiries.keySet());
    }

    @Override
    public synchronized void leave(String member) {
        expiries.remove(member);
    }

    @Override
    public synchronized MarketEpoch agreeMarket(MarketEpoch proposal) {
        long now = nowMillis.getAsLong();
        if (market == null) {
            market = proposal;
            marketAgreedAt = now;
        }
        return new MarketEpoch(market.seed(), market.stepMicros(), market.speed(), market.startMicros(),
                (now - marketAgreedAt) * 1_000);
    }

    @Override
    public void close() {
    }
}
