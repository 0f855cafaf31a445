package io.huracan.bootstrap.wiring;

import com.google.inject.Guice;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterSelectionTest {

    /** {@code message_bus.adapter: redis} gives a bus on the configured Redis, under the configured prefix. */
    @Test
    void theRedisAdapterIsWiredFromTheMessageBusSection() {
        String uri = System.getenv().getOrDefault("HURACAN_TEST_REDIS", "redis://127.0.0.1:6379");
        String prefix = "huracan-test-wiring-" + UUID.randomUUID();
        EngineConfig config = new ConfigLoader(Map.of(
                "HURACAN_ENGINE__MESSAGE_BUS__ADAPTER", "redis",
                "HURACAN_ENGINE__MESSAGE_BUS__REDIS_URI", uri,
                "HURACAN_ENGINE__MESSAGE_BUS__STREAM_PREFIX", prefix)).load(List.of());
        try (MessageBus bus = Guice.createInjector(AdapterSelection.bus(config.messageBus())).getInstance(MessageBus.class)) {
            assertThat(bus.getClass().getName()).isEqualTo("io.huracan.adapter.redis.RedisStreamsMessageBus");
            bus.createGroup(StreamType.RISK_EVENTS, "g", StartPosition.EARLIEST);
            bus.publish(StreamType.RISK_EVENTS, "breaker".getBytes(StandardCharsets.UTF_8));
            assertThat(bus.read(StreamType.RISK_EVENTS, "g", "c", 10, Duration.ZERO)).hasSize(1);
            assertThat(bus.streamStats(StreamType.RISK_EVENTS).published()).isEqualTo(1);
        } catch (java.io.UncheckedIOException e) {
            throw new AssertionError("Redis at " + uri + " (HURACAN_TEST_REDIS) is not reachable; start it with "
                    + "`sudo service redis-server start` or `redis-server --daemonize yes`", e);
        } finally {
            deleteKeys(uri, prefix);
        }
    }

    private static void deleteKeys(String uri, String prefix) {
        var redisson = new org.redisson.config.Config();
        redisson.useSingleServer().setAddress(uri);
        var client = org.redisson.Redisson.create(redisson);
        try {
            client.getKeys().deleteByPattern(prefix + "*");
        } finally {
            client.shutdown();
        }
    }
}
