package io.huracan.ports.metrics;

import java.util.Objects;

/** One tag of a meter: a bounded key and its value. */
public record MetricTag(TagKey key, String value) {
    public MetricTag {
        Objects.requireNonNull(key, "key");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("metric tag " + key.key() + " has a blank value");
        }
    }

    public static MetricTag of(TagKey key, String value) {
        return new MetricTag(key, value);
    }
}
