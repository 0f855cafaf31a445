package io.huracan.adapter.redis;

import jakarta.inject.Inject;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one Redisson connection the cluster's parts share (leases, membership, shared exposure). Each part retains it
 * and releases it on close; the last release shuts it down. Connects lazily. Scripts go as EVALSHA (Redisson's
 * script cache), so a call costs one round trip and the script's SHA, not its text.
 */
final class RedisClusterClient {
    private final RedisClusterConfig config;
    private final RedissonClient redis;
    private final AtomicInteger users = new AtomicInteger();

    @Inject
    RedisClusterClient(RedisClusterConfig config) {
        this.config = config;
        var redisson = new Config();
        redisson.setCodec(StringCodec.INSTANCE);
        redisson.setLazyInitialization(true);
        redisson.setReferenceEnabled(false);
        redisson.setUseScriptCache(true);
        redisson.setNettyThreads(2);
        int timeout = (int) config.responseTimeout().toMillis();
        redisson.useSingleServer().setAddress(config.uri())
                .setTimeout(timeout)
                .setConnectTimeout(timeout)
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(4);
        this.redis = Redisson.create(redisson);
    }

    RedisClusterConfig config() {
        return config;
    }

    String key(String suffix) {
        return config.keyPrefix() + ":" + suffix;
    }

    RedisClusterClient retain() {
        users.incrementAndGet();
        return this;
    }

    void release() {
        if (users.decrementAndGet() == 0) {
            redis.shutdown();
        }
    }

    long evalLong(String script, List<Object> keys, Object... args) {
        Long result = eval(script, RScript.ReturnType.INTEGER, keys, args);
        return result;
    }

    List<Object> evalList(String script, List<Object> keys, Object... args) {
        return eval(script, RScript.ReturnType.MULTI, keys, args);
    }

    Map<String, String> hashOf(String key) {
        try {
            return redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap();
        } catch (RedisException e) {
            throw translate(e, "HGETALL " + key);
        }
    }

    private <R> R eval(String script, RScript.ReturnType type, List<Object> keys, Object... args) {
        try {
            return redis.getScript(StringCodec.INSTANCE).eval((String) keys.get(0), RScript.Mode.READ_WRITE, script,
                    type, keys, args);
        } catch (RedisException e) {
            throw translate(e, "a cluster script");
        }
    }

    /** A script's own error is a bug here, not an outage: it stays an exception that says so. */
    private RuntimeException translate(RedisException failure, String what) {
        String message = RedisFailures.firstLine(String.valueOf(failure.getMessage()));
        if (message.startsWith("ERR") && message.contains("script")) {
            return new IllegalStateException("redis cluster at " + config.uri() + ": " + what + " failed: " + message,
                    failure);
        }
        return new UncheckedIOException(new IOException("redis cluster at " + config.uri() + ": " + what
                + " failed: " + message, failure));
    }
}
