package io.huracan.ports.cluster;

import java.time.Duration;
import java.util.List;

/**
 * Who is in the cluster: every engine process registers under a name and heartbeats; a member that stops
 * heartbeating (killed, cut off) drops out after its ttl, measured by the store's clock. Implementations are
 * thread-safe; a store that cannot be reached throws {@link java.io.UncheckedIOException}.
 */
public interface ClusterMembership extends AutoCloseable {

    /** Registers or refreshes {@code member} for {@code ttl}; returns every live member sorted by name, this one included. */
    List<String> heartbeat(String member, Duration ttl);

    /** Leaves at once, so the others need not wait for the ttl. */
    void leave(String member);

    /**
     * The cluster's market: the first proposal is kept (while members keep heartbeating, and for a while after the
     * last one left), and every later call gets it back with the time elapsed since.
     */
    MarketEpoch agreeMarket(MarketEpoch proposal);

    @Override
    void close();
}
