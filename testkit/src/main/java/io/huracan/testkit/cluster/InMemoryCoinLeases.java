package io.huracan.testkit.cluster;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.cluster.LeaseGrant;
import io.huracan.ports.market.Coin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Coin leases in one JVM, with the semantics of the Redis ones (tokens only grow per coin, expiry by the store's
 * clock, takeover after an unreleased expiry), for tests of what drives leases: several "processes" share one
 * instance. The clock is the store's, in milliseconds, so a test can expire leases by moving it.
 */
public final class InMemoryCoinLeases implements CoinLeases {
    private final LongSupplier nowMillis;
    private final Map<Coin, Held> held = new HashMap<>();
    private final Map<Coin, Long> tokens = new HashMap<>();
    private final Map<Coin, Boolean> released = new HashMap<>();

    private record Held(String owner, long token, long expiresAt) {
    }

    public InMemoryCoinLeases(LongSupplier nowMillis) {
        this.nowMillis = nowMillis;
    }

    /** With the system clock. */
    public InMemoryCoinLeases() {
        this(System::currentTimeMillis);
    }

    @Override
    public synchronized Optional<CoinLease> tryAcquire(Coin coin, String owner, Duration ttl) {
        Held current = current(coin);
        if (current != null && !current.owner.equals(owner)) {
            return Optional.empty();
        }
        if (current != null) {
            held.put(coin, new Held(owner, current.token, expiry(ttl)));
            return Optional.of(new CoinLease(coin, owner, current.token));
        }
        return Optional.of(grant(coin, owner, ttl));
    }

    @Override
    public synchronized List<LeaseGrant> acquire(List<Coin> candidates, String owner, Duration ttl, int max) {
        var grants = new ArrayList<LeaseGrant>();
        for (Coin coin : candidates) {
            if (grants.size() >= max) {
                break;
            }
            if (current(coin) == null) {
                boolean takeover = tokens.containsKey(coin) && !released.getOrDefault(coin, false);
                grants.add(new LeaseGrant(grant(coin, owner, ttl), takeover));
            }
        }
        return grants;
    }

    @Override
    public synchronized boolean renew(CoinLease lease, Duration ttl) {
        Held current = current(lease.coin());
        if (current == null || current.token != lease.fencingToken()) {
            return false;
        }
        held.put(lease.coin(), new Held(current.owner, current.token, expiry(ttl)));
        return true;
    }

    @Override
    public synchronized List<CoinLease> renewAll(Collection<CoinLease> leases, Duration ttl) {
        return leases.stream().filter(lease -> !renew(lease, ttl)).toList();
    }

    @Override
    public synchronized void release(CoinLease lease) {
        if (isCurrent(lease)) {
            held.remove(lease.coin());
            released.put(lease.coin(), true);
        }
    }

    @Override
    public synchronized boolean isCurrent(CoinLease lease) {
        Held current = current(lease.coin());
        return current != null && current.token == lease.fencingToken();
    }

    /** Milliseconds the coin's lease has left under {@code token}, or -1 when that is not its current lease. */
    public synchronized long millisLeft(Coin coin, long token) {
        Held current = current(coin);
        return current == null || current.token != token ? -1 : current.expiresAt - nowMillis.getAsLong();
    }

    /** The coin's current holder, if any. */
    public synchronized Optional<String> holder(Coin coin) {
        return Optional.ofNullable(current(coin)).map(Held::owner);
    }

    @Override
    public void close() {
    }

    private Held current(Coin coin) {
        Held current = held.get(coin);
        if (current != null && current.expiresAt <= nowMillis.getAsLong()) {
            held.remove(coin);
            return null;
        }
        return current;
    }

    private CoinLease grant(Coin coin, String owner, Duration ttl) {
        long token = tokens.merge(coin, 1L, Long::sum);
        released.put(coin, false);
        held.put(coin, new Held(owner, token, expiry(ttl)));
        return new CoinLease(coin, owner, token);
    }

    private long expiry(Duration ttl) {
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("lease ttl " + ttl + " is invalid; allowed: a duration >= 1 ms");
        }
        return nowMillis.getAsLong() + ttl.toMillis();
    }
}
