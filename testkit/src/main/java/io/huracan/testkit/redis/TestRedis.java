package io.huracan.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.fail;

/**
 * The Redis tests use: {@code HURACAN_TEST_REDIS}, by default {@code redis://127.0.0.1:6379} (scripts/test starts the
 * machine's one). A test that needs it and finds it silent fails with how to start it; it never skips.
 */
public final class TestRedis {
    private TestRedis() {
    }

    public static String uri() {
        String uri = System.getenv("HURACAN_TEST_REDIS");
        return uri == null || uri.isBlank() ? "redis://127.0.0.1:6379" : uri;
    }

    /** Returns the URI once Redis answers PING; fails the test otherwise. */
    public static String require() {
        String uri = uri();
        URI parsed = URI.create(uri);
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(parsed.getHost(), parsed.getPort() < 0 ? 6379 : parsed.getPort()), 1_000);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            if ("+PONG".equals(new String(in.readNBytes(5), StandardCharsets.US_ASCII))) {
                return uri;
            }
        } catch (IOException e) {
            // reported below
        }
        return fail("Redis does not answer at " + uri + " (HURACAN_TEST_REDIS). Start it with `scripts/test`, "
                + "`sudo service redis-server start` or `redis-server --daemonize yes --save \"\"`, or point "
                + "HURACAN_TEST_REDIS at a running Redis 6.2 or newer.");
    }
}
