package io.huracan.adapter.xchange;

/**
 * The cause of a failure that happened before anything reached the venue (its rate budget is spent, it paused or
 * banned us): nothing to retry at once, nothing ambiguous, and no evidence that the venue is unwell.
 */
final class RequestNotSent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RequestNotSent(String message) {
        super(message, null, false, false);
    }

    static boolean causes(Throwable failure) {
        return failure.getCause() instanceof RequestNotSent;
    }
}
