package io.huracan.ports.bus;

/**
 * The argument rules of {@link MessageBus} every adapter enforces the same way, each failing with one line that
 * names what was wrong and what is allowed.
 */
public final class BusArguments {
    private BusArguments() {
    }

    public static StreamType stream(StreamType type) {
        if (type == null) {
            throw new IllegalArgumentException("stream is missing; allowed: one of StreamType");
        }
        return type;
    }

    /** A private copy of the payload, so that a caller reusing its array cannot change a published message. */
    public static byte[] payload(byte[] payload) {
        if (payload == null) {
            throw new IllegalArgumentException("payload is missing; allowed: a byte array, possibly empty");
        }
        return payload.clone();
    }

    public static int maxCount(int maxCount) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("max count " + maxCount + " is invalid; allowed: an integer > 0");
        }
        return maxCount;
    }

    /** A group or consumer name; {@code what} is "group" or "consumer". */
    public static String name(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " name is empty; allowed: a non-blank name");
        }
        return value;
    }
}
