package io.huracan.ports.cluster;

import io.huracan.ports.market.Coin;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Leases by which several engine processes share the coin universe: each coin is held by at most one process at a
 * time. A lease lasts {@code ttl} unless renewed; a process that dies stops renewing and its coins become free when
 * their leases expire. Expiry is measured by the lease store's clock, not the caller's. Implementations are
 * thread-safe; a lease store that cannot be reached throws {@link java.io.UncheckedIOException}.
 */
public interface CoinLeases extends AutoCloseable {

    /**
     * Takes the coin for {@code owner} if nobody holds it (a new, larger fencing token), or extends the lease if
     * {@code owner} holds it already (same token); empty when another owner holds it.
     */
    Optional<CoinLease> tryAcquire(Coin coin, String owner, Duration ttl);

    /**
     * Goes through {@code candidates} in order and takes each coin nobody holds, until {@code max} are taken, in one
     * atomic step on the store (one round trip). Coins {@code owner} holds already are skipped, not extended.
     */
    List<LeaseGrant> acquire(List<Coin> candidates, String owner, Duration ttl, int max);

    /** Extends the lease for {@code ttl}; false when it is no longer the coin's current lease (expired, taken over). */
    boolean renew(CoinLease lease, Duration ttl);

    /** Extends every lease in one round trip and returns those that are no longer current (lost). */
    List<CoinLease> renewAll(Collection<CoinLease> leases, Duration ttl);

    /** Gives the coin up; harmless when the lease is no longer current. */
    void release(CoinLease lease);

    /** The fencing check: true while the lease is the coin's current one. */
    boolean isCurrent(CoinLease lease);

    @Override
    void close();
}
