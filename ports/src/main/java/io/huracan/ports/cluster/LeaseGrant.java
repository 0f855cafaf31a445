package io.huracan.ports.cluster;

/**
 * A lease just taken. {@code takeover} is true when the coin's previous lease ended by expiring rather than by its
 * holder releasing it: the previous holder died or was cut off, and this process takes over its coin.
 */
public record LeaseGrant(CoinLease lease, boolean takeover) {
    public LeaseGrant {
        if (lease == null) {
            throw new IllegalArgumentException("lease grant without a lease; allowed: a coin lease");
        }
    }
}
