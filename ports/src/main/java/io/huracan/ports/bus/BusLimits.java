package io.huracan.ports.bus;

import java.util.EnumMap;
import java.util.Map;

import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * The bounds every bus adapter enforces.
 *
 * @param maxLength          approximate messages kept per stream; older ones are trimmed, in chunks (like Redis
 *                           {@code MAXLEN ~}), so a stream may briefly hold somewhat more
 * @param maxDeliveries      a pending message delivered this many times without an acknowledgement is moved to the
 *                           group's dead letters instead of being delivered again
 * @param deadLetterMaxLength dead letters kept per stream and group (oldest trimmed first)
 */
public record BusLimits(Map<StreamType, Long> maxLength, int maxDeliveries, long deadLetterMaxLength) {
    public static final int DEFAULT_MAX_DELIVERIES = 5;
    public static final long DEFAULT_DEAD_LETTER_MAX_LENGTH = 10_000;

    public BusLimits {
        var copy = new EnumMap<StreamType, Long>(StreamType.class);
        for (StreamType stream : StreamType.values()) {
            Long length = maxLength == null ? null : maxLength.get(stream);
            if (length == null) {
                throw new IllegalArgumentException("max_length." + stream.key() + ": is missing; a value is required");
            }
            copy.put(stream, positive("max_length." + stream.key(), length));
        }
        maxLength = Map.copyOf(copy);
        positive("max_deliveries", maxDeliveries);
        positive("dead_letter_max_length", deadLetterMaxLength);
    }

    /** The same maximum length on every stream, with the default dead-letter settings. */
    public static BusLimits uniform(long maxLength) {
        var lengths = new EnumMap<StreamType, Long>(StreamType.class);
        for (StreamType stream : StreamType.values()) {
            lengths.put(stream, maxLength);
        }
        return new BusLimits(lengths, DEFAULT_MAX_DELIVERIES, DEFAULT_DEAD_LETTER_MAX_LENGTH);
    }

    public long maxLength(StreamType stream) {
        return maxLength.get(stream);
    }

    public BusLimits withMaxDeliveries(int deliveries) {
        return new BusLimits(maxLength, deliveries, deadLetterMaxLength);
    }
}
