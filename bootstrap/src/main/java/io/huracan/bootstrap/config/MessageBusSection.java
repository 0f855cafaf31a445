package io.huracan.bootstrap.config;

import io.huracan.ports.config.InvalidConfigException;
import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/** {@code engine.message_bus}. */
public record MessageBusSection(
        BusAdapter adapter,
        String redisUri,
        String streamPrefix,
        StreamLengths maxLength,
        String consumerGroup,
        int batchSize) {

    public MessageBusSection {
        required("adapter", adapter);
        notBlank("redis_uri", redisUri);
        if (!redisUri.startsWith("redis://") && !redisUri.startsWith("rediss://")) {
            throw new InvalidConfigException("redis_uri", "'" + redisUri
                    + "' is invalid; allowed: redis://host:port or rediss://host:port");
        }
        notBlank("stream_prefix", streamPrefix);
        required("max_length", maxLength);
        notBlank("consumer_group", consumerGroup);
        positive("batch_size", batchSize);
    }
}
