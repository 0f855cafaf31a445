package io.huracan.adapter.redis;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.cluster.LeaseGrant;
import io.huracan.ports.market.Coin;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Coin leases in Redis: {@code <prefix>:lease:<coin>} is a hash (owner, token) that expires with the lease (PEXPIRE,
 * the server's clock), and {@code <prefix>:lease-token:<coin>} a hash that never expires: {@code token}, incremented
 * for every new holder so fencing tokens of a coin only grow, and {@code released}, set when the holder gave the
 * coin up (so the next grant can tell a takeover after expiry from a hand-over). Each operation is one Lua script.
 */
final class RedisCoinLeases implements CoinLeases {
    /** A new holder: the next token, not released, the lease hash with its expiry. */
    private static final String GRANT = """
            local function grant(lease, tokens, owner, ttl)
              local token = redis.call('HINCRBY', tokens, 'token', 1)
              redis.call('HSET', tokens, 'released', 0)
              redis.call('HSET', lease, 'owner', owner, 'token', token)
              redis.call('PEXPIRE', lease, ttl)
              return token
            end
            """;
    private static final String ACQUIRE = GRANT + """
            local holder = redis.call('HGET', KEYS[1], 'owner')
            if holder and holder ~= ARGV[1] then return 0 end
            if holder then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return tonumber(redis.call('HGET', KEYS[1], 'token'))
            end
            return grant(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
            """;
    /** KEYS lease, token pairs; ARGV owner, ttl, max. Returns (candidate index, token, takeover 0/1) triples. */
    private static final String ACQUIRE_MANY = GRANT + """
            local owner, ttl, max = ARGV[1], ARGV[2], tonumber(ARGV[3])
            local result, taken = {}, 0
            for i = 1, #KEYS, 2 do
              if taken >= max then break end
              if redis.call('EXISTS', KEYS[i]) == 0 then
                local previous = redis.call('HMGET', KEYS[i + 1], 'token', 'released')
                local takeover = 0
                if previous[1] and previous[2] ~= '1' then takeover = 1 end
                result[#result + 1] = (i + 1) / 2
                result[#result + 1] = grant(KEYS[i], KEYS[i + 1], owner, ttl)
                result[#result + 1] = takeover
                taken = taken + 1
              end
            end
            return result
            """;
    private static final String RENEW = """
            if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;
    /** KEYS leases; ARGV ttl, then one token per lease. Returns the 1-based indices of the leases lost. */
    private static final String RENEW_MANY = """
            local lost = {}
            for i = 1, #KEYS do
              if redis.call('HGET', KEYS[i], 'token') == ARGV[i + 1] then
                redis.call('PEXPIRE', KEYS[i], ARGV[1])
              else
                lost[#lost + 1] = i
              end
            end
            return lost
            """;
    private static final String RELEASE = """
            if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[2], 'released', 1)
            return redis.call('DEL', KEYS[1])
            """;

    private final RedisClusterClient redis;

    @Inject
    RedisCoinLeases(RedisClusterClient redis) {
        this.redis = redis.retain();
    }

    @Override
    public Optional<CoinLease> tryAcquire(Coin coin, String owner, Duration ttl) {
        checkOwner(owner);
        long token = redis.evalLong(ACQUIRE, List.of(leaseKey(coin), tokenKey(coin)), owner, millis(ttl));
        return token == 0 ? Optional.empty() : Optional.of(new CoinLease(coin, owner, token));
    }

    @Override
    public List<LeaseGrant> acquire(List<Coin> candidates, String owner, Duration ttl, int max) {
        checkOwner(owner);
        if (max < 1 || candidates.isEmpty()) {
            return List.of();
        }
        var keys = new ArrayList<Object>(2 * candidates.size());
        for (Coin coin : candidates) {
            keys.add(leaseKey(coin));
            keys.add(tokenKey(coin));
        }
        List<Object> reply = redis.evalList(ACQUIRE_MANY, keys, owner, millis(ttl), Integer.toString(max));
        var grants = new ArrayList<LeaseGrant>(reply.size() / 3);
        for (int i = 0; i + 2 < reply.size(); i += 3) {
            Coin coin = candidates.get((int) number(reply.get(i)) - 1);
            grants.add(new LeaseGrant(new CoinLease(coin, owner, number(reply.get(i + 1))),
                    number(reply.get(i + 2)) == 1));
        }
        return grants;
    }

    @Override
    public boolean renew(CoinLease lease, Duration ttl) {
        return redis.evalLong(RENEW, List.of(leaseKey(lease.coin())), Long.toString(lease.fencingToken()),
                millis(ttl)) == 1;
    }

    @Override
    public List<CoinLease> renewAll(Collection<CoinLease> leases, Duration ttl) {
        if (leases.isEmpty()) {
            return List.of();
        }
        List<CoinLease> ordered = List.copyOf(leases);
        var keys = new ArrayList<Object>(ordered.size());
        var args = new ArrayList<Object>(ordered.size() + 1);
        args.add(millis(ttl));
        for (CoinLease lease : ordered) {
            keys.add(leaseKey(lease.coin()));
            args.add(Long.toString(lease.fencingToken()));
        }
        List<Object> lost = redis.evalList(RENEW_MANY, keys, args.toArray());
        return lost.stream().map(index -> ordered.get((int) number(index) - 1)).toList();
    }

    @Override
    public void release(CoinLease lease) {
        redis.evalLong(RELEASE, List.of(leaseKey(lease.coin()), tokenKey(lease.coin())),
                Long.toString(lease.fencingToken()));
    }

    @Override
    public boolean isCurrent(CoinLease lease) {
        String token = redis.hashOf(leaseKey(lease.coin())).get("token");
        return Long.toString(lease.fencingToken()).equals(token);
    }

    @Override
    public void close() {
        redis.release();
    }

    private String leaseKey(Coin coin) {
        return redis.key("lease:" + coin.symbol());
    }

    private String tokenKey(Coin coin) {
        return redis.key("lease-token:" + coin.symbol());
    }

    private static void checkOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("lease owner is empty; allowed: a non-blank process name");
        }
    }

    static long number(Object reply) {
        return reply instanceof Number n ? n.longValue() : Long.parseLong(reply.toString());
    }

    private static String millis(Duration ttl) {
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("lease ttl " + ttl + " is invalid; allowed: a duration >= 1 ms");
        }
        return Long.toString(ttl.toMillis());
    }
}
