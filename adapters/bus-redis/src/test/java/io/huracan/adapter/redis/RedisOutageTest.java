package io.huracan.adapter.redis;

import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Redis killed and restarted under a publishing bus: publishing goes on without waiting, the buffer holds what
 * Redis cannot take yet, and everything buffered arrives once Redis is back; past the bound publish fails clearly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisOutageTest {

    private static RedisStreamsMessageBus bus(String uri, int bound) {
        var config = new RedisBusConfig(uri, "outage", 128, bound, Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofSeconds(1));
        return new RedisStreamsMessageBus(config, BusLimits.uniform(100_000));
    }

    @Test
    void messagesPublishedWhileRedisIsDownArriveAfterItRestarts() throws Exception {
        try (var redis = new ChildRedis()) {
            redis.start();
            try (RedisStreamsMessageBus bus = bus(redis.uri(), 10_000)) {
                bus.publish(StreamType.ORDERS, bytes("before"));
                // the first write also connects, which may take longer than streamStats waits for it on a loaded
                // machine: cut Redis only once "before" has left the buffer, or it would count among the 1,000
                awaitTrue(() -> bus.health().buffered() == 0, "the first message written");
                assertThat(bus.streamStats(StreamType.ORDERS).length()).isEqualTo(1);

                redis.kill();
                var ids = new ArrayList<MessageId>();
                long slowest = 0;
                for (int i = 0; i < 1_000; i++) {
                    long start = System.nanoTime();
                    ids.add(bus.publish(StreamType.ORDERS, bytes("m" + i)));
                    slowest = Math.max(slowest, System.nanoTime() - start);
                }
                assertThat(Duration.ofNanos(slowest)).as("slowest publish while Redis is down")
                        .isLessThan(Duration.ofMillis(200));
                awaitTrue(() -> bus.health().status() == RedisBusHealth.Status.RECONNECTING, "health RECONNECTING");
                assertThat(bus.health().buffered()).isEqualTo(1_000);
                assertThat(bus.health().lastError()).isNotEmpty();

                redis.start(); // the same port, an empty server (no persistence): "before" is gone with the old one
                awaitTrue(() -> bus.health().buffered() == 0, "buffer drained after the restart");
                assertThat(bus.health().status()).isEqualTo(RedisBusHealth.Status.UP);

                bus.createGroup(StreamType.ORDERS, "g", StartPosition.EARLIEST);
                List<BusMessage> read = bus.read(StreamType.ORDERS, "g", "c", 2_000, Duration.ZERO);
                assertThat(read).extracting(BusMessage::id).containsExactlyElementsOf(ids);
                for (int i = 0; i < read.size(); i++) {
                    assertThat(new String(read.get(i).payload(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
                }
            }
        }
    }

    @Test
    void pastItsBoundTheBufferRefusesNewMessagesAndKeepsTheOldOnes() throws Exception {
        try (var redis = new ChildRedis()) {
            redis.start();
            try (RedisStreamsMessageBus bus = bus(redis.uri(), 100)) {
                bus.createGroup(StreamType.SIGNALS, "g", StartPosition.EARLIEST); // connects once
                redis.kill();
                var batch = new ArrayList<byte[]>();
                for (int i = 0; i < 60; i++) {
                    batch.add(bytes("s" + i));
                }
                bus.publishBatch(StreamType.SIGNALS, batch);
                bus.publishBatch(StreamType.SIGNALS, batch.subList(0, 40));
                assertThat(bus.health().status()).isEqualTo(RedisBusHealth.Status.BUFFER_FULL);
                assertThatThrownBy(() -> bus.publish(StreamType.SIGNALS, bytes("one too many")))
                        .isInstanceOf(OutboundBufferFullException.class)
                        .hasMessageContaining("outbound buffer is full: 100 messages wait for Redis")
                        .hasMessageContaining("bound of 100");
                assertThatThrownBy(() -> bus.publishBatch(StreamType.SIGNALS, List.of(bytes("x"))))
                        .isInstanceOf(OutboundBufferFullException.class);

                redis.start();
                awaitTrue(() -> bus.health().buffered() == 0, "buffer drained after the restart");
                bus.createGroup(StreamType.SIGNALS, "g", StartPosition.EARLIEST);
                assertThat(bus.read(StreamType.SIGNALS, "g", "c", 1_000, Duration.ZERO)).hasSize(100);
                assertThat(bus.health().status()).isEqualTo(RedisBusHealth.Status.UP);
                bus.publish(StreamType.SIGNALS, bytes("accepted again"));
            }
        }
    }

    @Test
    void anAcknowledgementNotWaitedForFailsClearlyWhileRedisIsDownAndCountsOnceItIsBack() throws Exception {
        try (var redis = new ChildRedis()) {
            redis.start();
            try (RedisStreamsMessageBus bus = bus(redis.uri(), 1_000)) {
                bus.createGroup(StreamType.ORDERS, "g", StartPosition.EARLIEST);
                bus.publish(StreamType.ORDERS, bytes("o"));
                List<MessageId> read = bus.read(StreamType.ORDERS, "g", "c", 10, Duration.ZERO).stream()
                        .map(BusMessage::id).toList();
                assertThat(read).hasSize(1);

                redis.kill();
                var failed = bus.acknowledgeAsync(StreamType.ORDERS, "g", read).toCompletableFuture();
                assertThatThrownBy(failed::join).isInstanceOf(java.util.concurrent.CompletionException.class)
                        .cause().isInstanceOf(java.io.UncheckedIOException.class) // as acknowledge would throw
                        .hasMessageContaining("redis bus at " + redis.uri() + ": XACK on stream orders failed")
                        .hasMessageNotContaining("\n");
                // the stats wait for no acknowledgement any more: the failed one was answered (with its failure)
                redis.start(); // an empty server: nothing is pending there, so acknowledging counts none
                bus.createGroup(StreamType.ORDERS, "g", StartPosition.EARLIEST);
                assertThat(bus.acknowledgeAsync(StreamType.ORDERS, "g", read).toCompletableFuture().join()).isZero();
                assertThat(bus.groupStats(StreamType.ORDERS, "g").pending()).isZero();
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 20 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
