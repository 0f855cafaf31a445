package io.huracan.adapter.redis;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.market.Coin;
import jakarta.inject.Inject;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Coin leases in Redis: {@code <prefix>:lease:<coin>} is a hash (owner, token) that expires with the lease (PEXPIRE),
 * and {@code <prefix>:lease-token:<coin>} a counter that never expires, INCRemented for every new holder, so fencing
 * tokens of a coin only grow. Each operation is one Lua script, atomic on the server; expiry is the server's clock.
 */
final class RedisCoinLeases implements CoinLeases {
    private static final String ACQUIRE = """
            local holder = redis.call('HGET', KEYS[1], 'owner')
            if holder and holder ~= ARGV[1] then return 0 end
            if holder then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return tonumber(redis.call('HGET', KEYS[1], 'token'))
            end
            local token = redis.call('INCR', KEYS[2])
            redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'token', token)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return token
            """;
    private static final String RENEW = """
            if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;
    private static final String RELEASE = """
            if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
            return redis.call('DEL', KEYS[1])
            """;

    private final String prefix;
    private final RedissonClient redis;

    @Inject
    RedisCoinLeases(RedisBusConfig config) {
        this.prefix = config.streamPrefix();
        var redisson = new Config();
        redisson.setCodec(StringCodec.INSTANCE);
        redisson.setLazyInitialization(true);
        redisson.setReferenceEnabled(false);
        redisson.setNettyThreads(2);
        redisson.useSingleServer().setAddress(config.uri())
                .setTimeout((int) config.responseTimeout().toMillis())
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(4);
        this.redis = Redisson.create(redisson);
    }

    @Override
    public Optional<CoinLease> tryAcquire(Coin coin, String owner, Duration ttl) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("lease owner is empty; allowed: a non-blank process name");
        }
        long token = run(ACQUIRE, List.of(leaseKey(coin), prefix + ":lease-token:" + coin.symbol()), owner, millis(ttl));
        return token == 0 ? Optional.empty() : Optional.of(new CoinLease(coin, owner, token));
    }

    @Override
    public boolean renew(CoinLease lease, Duration ttl) {
        return run(RENEW, List.of(leaseKey(lease.coin())), Long.toString(lease.fencingToken()), millis(ttl)) == 1;
    }

    @Override
    public void release(CoinLease lease) {
        run(RELEASE, List.of(leaseKey(lease.coin())), Long.toString(lease.fencingToken()));
    }

    @Override
    public boolean isCurrent(CoinLease lease) {
        Object token = redis.getMap(leaseKey(lease.coin()), StringCodec.INSTANCE).get("token");
        return Long.toString(lease.fencingToken()).equals(token);
    }

    @Override
    public void close() {
        redis.shutdown();
    }

    private String leaseKey(Coin coin) {
        return prefix + ":lease:" + coin.symbol();
    }

    private long run(String script, List<Object> keys, Object... args) {
        Long result = redis.getScript(StringCodec.INSTANCE).eval((String) keys.get(0), RScript.Mode.READ_WRITE,
                script, RScript.ReturnType.INTEGER, keys, args);
        return result;
    }

    private static String millis(Duration ttl) {
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("lease ttl " + ttl + " is invalid; allowed: a duration >= 1 ms");
        }
        return Long.toString(ttl.toMillis());
    }
}
