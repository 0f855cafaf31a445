package io.huracan.adapter.redis;

import io.huracan.ports.bus.StreamType;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place that turns what Redis or Redisson threw into what the port promises: a missing consumer group is
 * the caller's mistake ({@link IllegalStateException}); anything else is Redis being unreachable or failing, an
 * {@link UncheckedIOException} a caller may retry.
 */
final class RedisFailures {
    private final String uri;

    RedisFailures(String uri) {
        this.uri = uri;
    }

    RuntimeException translate(Throwable failure, String operation, StreamType stream, String group) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("NOGROUP")) {
            return new IllegalStateException("consumer group '" + group + "' does not exist on stream " + stream.key()
                    + "; create it with createGroup first");
        }
        return unreachable(operation + " on stream " + stream.key() + " failed: " + firstLine(message), failure);
    }

    UncheckedIOException unreachable(String what, Throwable cause) {
        return new UncheckedIOException(new IOException("redis bus at " + uri + ": " + what, cause));
    }

    static boolean isBusyGroup(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("BUSYGROUP");
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
