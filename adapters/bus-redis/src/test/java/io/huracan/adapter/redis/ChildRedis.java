package io.huracan.adapter.redis;

import io.huracan.testkit.net.FreePorts;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** A redis-server this test starts as a child process on a free port, without persistence, to kill and restart. */
final class ChildRedis implements AutoCloseable {
    private final int port;
    private Process process;

    ChildRedis() {
        port = FreePorts.loopback();
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--save", "",
                    "--appendonly", "no", "--bind", "127.0.0.1")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            fail("redis-server is not on the PATH; install Redis 6.2 or newer (e.g. `sudo apt-get install "
                    + "redis-server`) so this test can start and kill its own server", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!TestRedis.answersPing(uri())) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                fail("redis-server on port " + port + " did not start within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: the server and everything it held are gone at once. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
