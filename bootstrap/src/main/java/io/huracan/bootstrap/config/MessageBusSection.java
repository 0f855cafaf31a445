package io.huracan.bootstrap.config;

import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.config.InvalidConfigException;

import java.util.EnumMap;

import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/** {@code engine.message_bus}: which bus, and the bounds every bus adapter enforces. */
public record MessageBusSection(
        BusAdapter adapter,
        String redisUri,
        String streamPrefix,
        StreamLengths maxLength,
        String consumerGroup,
        int maxDeliveries,
        long deadLetterMaxLength,
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
        positive("max_deliveries", maxDeliveries);
        positive("dead_letter_max_length", deadLetterMaxLength);
        positive("batch_size", batchSize);
    }

    /** The bounds in the port's vocabulary, for whichever adapter is chosen. */
    public BusLimits limits() {
        var lengths = new EnumMap<StreamType, Long>(StreamType.class);
        for (StreamType stream : StreamType.values()) {
            lengths.put(stream, maxLength.of(stream));
        }
        return new BusLimits(lengths, maxDeliveries, deadLetterMaxLength);
    }
}
