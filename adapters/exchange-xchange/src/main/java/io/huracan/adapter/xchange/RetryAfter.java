package io.huracan.adapter.xchange;

import java.time.Duration;
import java.util.Optional;

/** The delay of a Retry-After header in seconds, as the venues send it; empty when absent or not a number. */
final class RetryAfter {
    private RetryAfter() {
    }

    static Optional<Duration> parse(String value) {
        if (value == null || !value.trim().matches("\\d{1,7}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    }
}
