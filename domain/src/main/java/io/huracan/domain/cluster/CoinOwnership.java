package io.huracan.domain.cluster;

import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.cluster.LeaseGrant;
import io.huracan.ports.market.Coin;
import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.time.EngineClock;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One engine process's part in a cluster: every {@link ClusterTimings#renewInterval()} ({@link #tick}) it heartbeats
 * its membership, renews the leases of the coins it holds, and rebalances by {@link CoinShare}: coins above its
 * share are handed over (closed first, then released), free coins below it are taken. A lease that could not be
 * renewed is lost at once: the coin stops trading. If the lease store stays unreachable for longer than the leases
 * can survive, every coin is dropped, since the leases are expiring for the others to take.
 *
 * <p>Coins move in a fixed order, so that a coin is never traded by two processes: taking a lease comes before
 * trading starts, and trading stops before the lease is released. Fencing in the order-admission step covers what
 * this order cannot: a process paused past its lease's expiry.
 *
 * <p>{@link #tick} and {@link #leave} run on one thread; the views may be read from any.
 */
public final class CoinOwnership {
    private final String member;
    private final List<Coin> universe;
    private final ClusterTimings timings;
    private final CoinLeases leases;
    private final ClusterMembership membership;
    private final CoinHandover handover;
    private final EngineClock clock;

    private final Map<Coin, CoinLease> held = new ConcurrentHashMap<>();
    private final Set<Coin> releasing = ConcurrentHashMap.newKeySet();
    private final LongAdder renewFailures = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final LongAdder takeovers = new LongAdder();
    private final LongAdder acquired = new LongAdder();
    private final LongAdder released = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private volatile int members;
    private volatile long lastContactNanos;
    private volatile boolean contacted;
    private volatile String lastError = "";
    private volatile boolean left;
    private volatile boolean draining;

    public CoinOwnership(String member, List<Coin> universe, ClusterTimings timings, CoinLeases leases,
                         ClusterMembership membership, CoinHandover handover, EngineClock clock) {
        if (member == null || member.isBlank()) {
            throw new IllegalArgumentException("cluster member name is empty; allowed: a non-blank name");
        }
        this.member = member;
        this.universe = List.copyOf(new TreeSet<>(universe));
        this.timings = timings;
        this.leases = leases;
        this.membership = membership;
        this.handover = handover;
        this.clock = clock;
    }

    /** One round: heartbeat, renew, finish hand-overs, rebalance. */
    public synchronized void tick() {
        if (left) {
            return;
        }
        long started = clock.monotonicNanos();
        try {
            if (!draining) {
                members = membership.heartbeat(member, timings.leaseTtl()).size();
            }
            List<CoinLease> gone = leases.renewAll(List.copyOf(held.values()), timings.leaseTtl());
            lastContactNanos = started;
            contacted = true;
            lastError = "";
            if (!gone.isEmpty()) {
                renewFailures.add(gone.size());
                drop(gone.stream().map(CoinLease::coin).toList());
            }
            finishReleases(List.copyOf(releasing));
            rebalance();
        } catch (UncheckedIOException e) {
            storeFailures.increment();
            lastError = e.getMessage();
            // the next round would come after the leases stop being safe to trade on: give them up now
            if (!held.isEmpty() && clock.monotonicNanos() + timings.renewInterval().toNanos() > validUntilNanos()) {
                renewFailures.add(held.size());
                drop(List.copyOf(held.keySet()));
            }
        }
    }

    /**
     * Until when (engine-clock monotonic nanos) this process may act on the leases it holds without hearing from
     * the store again: the start of the last round that renewed them, plus the lease ttl, less one renew interval
     * (the admission margin). The store's leases outlive it, so nobody else holds the coins before it passes.
     */
    public long validUntilNanos() {
        return contacted ? lastContactNanos + timings.leaseTtl().minus(timings.renewInterval()).toNanos()
                : Long.MIN_VALUE;
    }

    /**
     * Starts leaving gracefully: the membership goes at once (so the others' shares grow), and from the next round
     * on every coin is handed over like a rebalance (closed, then released) while its lease is still renewed. Call
     * {@link #tick} until {@link #owned} is empty, then {@link #leave}.
     */
    public synchronized void drain() {
        if (draining || left) {
            return;
        }
        draining = true;
        try {
            membership.leave(member);
        } catch (UncheckedIOException e) {
            lastError = e.getMessage(); // the registration expires by itself
        }
    }

    /** Leaves the cluster: stops trading every coin, releases the leases and the membership. Idempotent. */
    public synchronized void leave() {
        if (left) {
            return;
        }
        left = true;
        List<Coin> coins = List.copyOf(held.keySet());
        if (!coins.isEmpty()) {
            handover.stop(coins, false);
        }
        try {
            for (Coin coin : coins) {
                leases.release(held.remove(coin));
                released.increment();
            }
            membership.leave(member);
        } catch (UncheckedIOException e) {
            lastError = e.getMessage(); // the leases and the registration expire by themselves
        }
        held.clear();
        releasing.clear();
    }

    private void rebalance() {
        if (draining) {
            for (Coin coin : List.copyOf(held.keySet())) {
                if (releasing.add(coin)) {
                    handover.beginRelease(coin);
                }
            }
            finishReleases(List.copyOf(releasing));
            return;
        }
        CoinShare.Plan plan = CoinShare.plan(universe, members, member, held.keySet(), releasing);
        if (!plan.release().isEmpty()) {
            for (Coin coin : plan.release()) {
                releasing.add(coin);
                handover.beginRelease(coin);
            }
            finishReleases(plan.release());
        }
        if (plan.wanted() > 0) {
            List<LeaseGrant> grants = leases.acquire(plan.candidates(), member, timings.leaseTtl(), plan.wanted());
            List<CoinLease> taken = new ArrayList<>(grants.size());
            for (LeaseGrant grant : grants) {
                held.put(grant.lease().coin(), grant.lease());
                taken.add(grant.lease());
                acquired.increment();
                if (grant.takeover()) {
                    takeovers.increment();
                }
            }
            if (!taken.isEmpty()) {
                handover.start(taken);
            }
        }
    }

    /** Releases the coins being handed over that have settled: trading stops first, then the lease goes. */
    private void finishReleases(List<Coin> candidates) {
        List<Coin> settled = candidates.stream().filter(handover::settled).toList();
        if (settled.isEmpty()) {
            return;
        }
        handover.stop(settled, false);
        for (Coin coin : settled) {
            leases.release(held.get(coin)); // if this fails, the coin stays releasing and is released next round
            held.remove(coin);
            releasing.remove(coin);
            released.increment();
        }
    }

    private void drop(List<Coin> coins) {
        handover.stop(coins, true);
        for (Coin coin : coins) {
            held.remove(coin);
            releasing.remove(coin);
            lost.increment();
        }
    }

    // ------------------------------------------------------------------------------------------------ views

    public String member() {
        return member;
    }

    /** The coins this process holds now (those being handed over included), in symbol order. */
    public Set<Coin> owned() {
        return new TreeSet<>(held.keySet());
    }

    /** The lease this process holds for the coin, if any. */
    public CoinLease lease(Coin coin) {
        return held.get(coin);
    }

    public int members() {
        return members;
    }

    public int releasing() {
        return releasing.size();
    }

    /** Leases that were found no longer current at renewal, or dropped after losing the store. */
    public long renewFailures() {
        return renewFailures.sum();
    }

    /** Rounds in which the lease store could not be reached. */
    public long storeFailures() {
        return storeFailures.sum();
    }

    /** Coins taken whose previous lease had expired unreleased (its holder died or was cut off). */
    public long takeovers() {
        return takeovers.sum();
    }

    public long acquired() {
        return acquired.sum();
    }

    public long released() {
        return released.sum();
    }

    public long lost() {
        return lost.sum();
    }

    /** Up while the lease store answers: down once two rounds in a row could not reach it. */
    public ComponentHealth health() {
        if (left) {
            return ComponentHealth.down("left the cluster");
        }
        if (!contacted) {
            return ComponentHealth.down("not yet in the cluster" + (lastError.isEmpty() ? "" : ": " + lastError));
        }
        long silentMillis = (clock.monotonicNanos() - lastContactNanos) / 1_000_000;
        if (silentMillis > 2 * timings.renewInterval().toMillis()) {
            return ComponentHealth.down("no answer from the lease store for " + silentMillis + " ms: " + lastError);
        }
        return ComponentHealth.up(member + ": one of " + members + " members, holds " + held.size() + " of "
                + universe.size() + " coins" + (releasing.isEmpty() ? "" : ", handing over " + releasing.size()));
    }
}
