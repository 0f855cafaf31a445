package io.huracan.ports.bus;

/** A payload that cannot be decoded: unknown type, unknown version, or truncated/corrupt bytes. */
public final class PayloadFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PayloadFormatException(String message) {
        super(message);
    }

    public PayloadFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
