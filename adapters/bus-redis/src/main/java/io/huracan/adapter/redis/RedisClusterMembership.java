package io.huracan.adapter.redis;

import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.MarketEpoch;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * Membership in Redis: {@code <prefix>:members} is a sorted set of member names scored by when each expires (the
 * server's clock, from TIME); a heartbeat drops the expired ones and re-scores its own. {@code <prefix>:market} holds
 * the agreed market epoch; every heartbeat keeps it (and the member set) alive for {@link #RETENTION} more, so a
 * cluster whose members are all gone starts afresh with a new epoch rather than replaying a long-gone session.
 */
final class RedisClusterMembership implements ClusterMembership {
    static final Duration RETENTION = Duration.ofMinutes(1);
    private static final String HEARTBEAT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now))
            redis.call('ZADD', KEYS[1], string.format('%.0f', now + tonumber(ARGV[2])), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
            return redis.call('ZRANGE', KEYS[1], 0, -1)
            """;
    /** KEYS market; ARGV seed, step, speed, start, retention. Returns seed, step, speed, start, elapsed micros. */
    private static final String AGREE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            if redis.call('EXISTS', KEYS[1]) == 0 then
              redis.call('HSET', KEYS[1], 'seed', ARGV[1], 'step', ARGV[2], 'speed', ARGV[3], 'start', ARGV[4],
                'agreed', string.format('%.0f', now))
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            local m = redis.call('HMGET', KEYS[1], 'seed', 'step', 'speed', 'start', 'agreed')
            return {m[1], m[2], m[3], m[4], string.format('%.0f', now - tonumber(m[5]))}
            """;

    private final RedisClusterClient redis;

    @Inject
    RedisClusterMembership(RedisClusterClient redis) {
        this.redis = redis.retain();
    }

    @Override
    public List<String> heartbeat(String member, Duration ttl) {
        if (member == null || member.isBlank()) {
            throw new IllegalArgumentException("member name is empty; allowed: a non-blank process name");
        }
        List<Object> members = redis.evalList(HEARTBEAT, List.of(redis.key("members"), redis.key("market")), member,
                Long.toString(Math.max(1, ttl.toMillis())), Long.toString(RETENTION.toMillis()));
        return members.stream().map(Object::toString).sorted().toList();
    }

    @Override
    public void leave(String member) {
        redis.evalLong("return redis.call('ZREM', KEYS[1], ARGV[1])", List.of(redis.key("members")), member);
    }

    @Override
    public MarketEpoch agreeMarket(MarketEpoch proposal) {
        List<Object> reply = redis.evalList(AGREE, List.of(redis.key("market")), Long.toString(proposal.seed()),
                Long.toString(proposal.stepMicros()), Double.toString(proposal.speed()),
                Long.toString(proposal.startMicros()), Long.toString(RETENTION.toMillis()));
        return new MarketEpoch(Long.parseLong(reply.get(0).toString()), Long.parseLong(reply.get(1).toString()),
                Double.parseDouble(reply.get(2).toString()), Long.parseLong(reply.get(3).toString()),
                Math.max(0, Long.parseLong(reply.get(4).toString())));
    }

    @Override
    public void close() {
        redis.release();
    }
}
