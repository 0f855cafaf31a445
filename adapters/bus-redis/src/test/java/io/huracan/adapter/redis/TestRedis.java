package io.huracan.adapter.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.fail;

/** The machine's Redis for tests: HURACAN_TEST_REDIS, default redis://127.0.0.1:6379. */
final class TestRedis {
    private TestRedis() {
    }

    static String uri() {
        String uri = System.getenv("HURACAN_TEST_REDIS");
        return uri == null || uri.isBlank() ? "redis://127.0.0.1:6379" : uri;
    }

    /** Fails (never skips) with how to start Redis when it does not answer PING. */
    static void requireReachable() {
        String uri = uri();
        if (!answersPing(uri)) {
            fail("Redis is not reachable at " + uri + " (HURACAN_TEST_REDIS). Start it with "
                    + "`sudo service redis-server start` or `redis-server --daemonize yes --save \"\"`, "
                    + "or set HURACAN_TEST_REDIS=redis://host:port to a running Redis 6.2 or newer.");
        }
    }

    static boolean answersPing(String uri) {
        URI parsed = URI.create(uri);
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(parsed.getHost(), parsed.getPort() < 0 ? 6379 : parsed.getPort()), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes every key that starts with {@code prefix}. */
    static void deleteKeys(String uri, String prefix) {
        var config = new Config();
        config.useSingleServer().setAddress(uri);
        RedissonClient client = Redisson.create(config);
        try {
            client.getKeys().deleteByPattern(prefix + "*");
        } finally {
            client.shutdown();
        }
    }
}
