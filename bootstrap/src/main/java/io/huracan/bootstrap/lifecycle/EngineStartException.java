package io.huracan.bootstrap.lifecycle;

/** The engine could not start; the message names the part that failed and why, in one line. */
public final class EngineStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
