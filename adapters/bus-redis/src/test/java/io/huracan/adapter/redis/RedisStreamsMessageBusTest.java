package io.huracan.adapter.redis;

import com.google.inject.Guice;
import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.StartPosition;
import io.huracan.testkit.bus.MessageBusContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.huracan.ports.bus.StreamType.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis Streams bus against the shared contract on the machine's Redis, wired the way bootstrap wires it. Every
 * bus gets its own key prefix under one prefix for this run, and the run's keys are deleted afterwards.
 */
class RedisStreamsMessageBusTest extends MessageBusContract {
    private static final String RUN_PREFIX = "huracan-test-" + UUID.randomUUID();
    private static final AtomicInteger BUSES = new AtomicInteger();

    @BeforeAll
    static void redisIsRunning() {
        TestRedis.requireReachable();
    }

    @AfterAll
    static void deleteThisRunsKeys() {
        TestRedis.deleteKeys(TestRedis.uri(), RUN_PREFIX);
    }

    @Override
    protected MessageBus newBus(BusLimits limits) {
        return bus(RUN_PREFIX + ":" + BUSES.incrementAndGet(), limits);
    }

    private static MessageBus bus(String prefix, BusLimits limits) {
        return Guice.createInjector(new RedisStreamsMessageBusModule(RedisBusConfig.of(TestRedis.uri(), prefix, 512),
                limits)).getInstance(MessageBus.class);
    }

    /** A new process on the same Redis goes on where the group and the consumer stopped. */
    @Test
    void aRestartedProcessReadsOnFromTheGroupsPositionInRedis() {
        String prefix = RUN_PREFIX + ":restart";
        var sent = new java.util.ArrayList<byte[]>();
        for (int i = 0; i < 10; i++) {
            sent.add(text("m" + i));
        }
        try (MessageBus first = bus(prefix, BusLimits.uniform(1_000))) {
            first.createGroup(ORDERS, "engine", StartPosition.EARLIEST);
            first.publishBatch(ORDERS, sent);
            List<BusMessage> read = first.read(ORDERS, "engine", "engine-1", 4, Duration.ZERO);
            first.acknowledge(ORDERS, "engine", List.of(read.get(0).id(), read.get(1).id()));
        }
        try (MessageBus second = bus(prefix, BusLimits.uniform(1_000))) {
            assertThat(second.createGroup(ORDERS, "engine", StartPosition.EARLIEST)).isFalse();
            assertThat(second.readPending(ORDERS, "engine", "engine-1", 10)).extracting(MessageBusContract::text)
                    .containsExactly("m2", "m3");
            assertThat(second.read(ORDERS, "engine", "engine-1", 10, Duration.ZERO)).extracting(MessageBusContract::text)
                    .containsExactly("m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(second.groupStats(ORDERS, "engine").pending()).isEqualTo(8);
        }
    }
}
