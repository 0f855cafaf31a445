package io.huracan.adapter.redisson;

import jakarta.inject.Inject;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one Redisson client a process's retraining parts share: connected on first use (a Guice module does no I/O),
 * closed once by whichever of the executor or the worker stops. Plain keys are strings; the per-key locks renew
 * every third of {@code lock_timeout}.
 */
final class RedissonConnection implements AutoCloseable {
    private final RedissonRetrainingConfig config;
    private RedissonClient client;
    private boolean closed;

    @Inject
    RedissonConnection(RedissonRetrainingConfig config) {
        this.config = config;
    }

    synchronized RedissonClient client() {
        if (closed) {
            throw new IllegalStateException("the retraining connection to " + config.uri() + " is closed");
        }
        if (client == null) {
            var redisson = new Config();
            redisson.setCodec(StringCodec.INSTANCE);
            redisson.setReferenceEnabled(false);
            redisson.setNettyThreads(4);
            redisson.setLockWatchdogTimeout(config.lockTimeout().toMillis());
            // two attempts, not four: a worker or a CLI started against the wrong Redis says so in seconds, and a
            // job whose Redis call fails is handed out again by Redis anyway
            redisson.useSingleServer().setAddress(config.uri()).setConnectionMinimumIdleSize(2).setConnectionPoolSize(8)
                    .setSubscriptionConnectionMinimumIdleSize(1).setRetryAttempts(2);
            try {
                client = Redisson.create(redisson);
            } catch (RuntimeException e) {
                throw unreachable("cannot connect", e);
            }
        }
        return client;
    }

    RedissonRetrainingConfig config() {
        return config;
    }

    RetrainingKeys keys() {
        return new RetrainingKeys(config.keyPrefix());
    }

    /** Runs a Lua script whose reply is a string (a status word). */
    String script(String script, List<Object> keys, Object... args) {
        return client().getScript(StringCodec.INSTANCE).eval((String) keys.get(0), RScript.Mode.READ_WRITE, script,
                RScript.ReturnType.VALUE, keys, args);
    }

    /** What Redis or Redisson threw, as the port's callers expect an unreachable service: one line, the URI. */
    UncheckedIOException unreachable(String what, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return new UncheckedIOException(new IOException("retraining redis at " + config.uri() + ": " + what + ": "
                + (newline < 0 ? message : message.substring(0, newline)), cause));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (client != null) {
                client.shutdown(0, 5, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
