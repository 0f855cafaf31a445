package io.huracan.ports.exchange;

import java.util.Optional;

/** A failure crossing the exchange port, classified so the caller knows whether to retry, drop or stop. */
public final class ExchangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExchangeErrorClass errorClass;
    private final transient RejectReason reason;

    public ExchangeException(ExchangeErrorClass errorClass, String message) {
        this(errorClass, null, message, null);
    }

    public ExchangeException(ExchangeErrorClass errorClass, RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        if (errorClass == null) {
            throw new IllegalArgumentException("an exchange failure needs a class");
        }
        this.errorClass = errorClass;
        this.reason = reason;
    }

    public static ExchangeException rejected(RejectReason reason, String message) {
        return new ExchangeException(ExchangeErrorClass.REJECTED, reason, message, null);
    }

    public ExchangeErrorClass errorClass() {
        return errorClass;
    }

    /** The venue's reason when the class is {@code REJECTED} and the reason is one the port knows. */
    public Optional<RejectReason> reason() {
        return Optional.ofNullable(reason);
    }
}
