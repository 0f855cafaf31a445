package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.util.function.IntFunction;

/**
 * The failures every venue shares, below its own codes: an HTTP status without a body the venue documents (read by
 * the venue's {@code byHttpStatus}), an answer that could not be read, and the network failing in transit. Anything
 * in transit or unreadable is RETRYABLE with "outcome unknown": the venue may or may not have acted.
 */
final class TransportFailures {
    private TransportFailures() {
    }

    static ExchangeException classify(String venue, String action, Throwable failure,
                                      IntFunction<ExchangeException> byHttpStatus) {
        if (failure instanceof ExchangeException known) {
            return known;
        }
        if (failure instanceof HttpStatusIOException http) {
            if (http.getHttpStatusCode() / 100 == 2) {
                return new ExchangeException(ExchangeErrorClass.RETRYABLE, null, venue + " " + action + " answered HTTP "
                        + http.getHttpStatusCode() + " with a body that is not what " + venue
                        + " documents; outcome unknown", failure);
            }
            return byHttpStatus.apply(http.getHttpStatusCode());
        }
        if (failure instanceof IOException) {
            // timeouts, resets, refused connections and unreadable bodies
            return new ExchangeException(ExchangeErrorClass.RETRYABLE, null, venue + " " + action + " failed in transit ("
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage() + "); outcome unknown", failure);
        }
        return new ExchangeException(ExchangeErrorClass.RETRYABLE, null, venue + " " + action + " failed: " + failure, failure);
    }
}
