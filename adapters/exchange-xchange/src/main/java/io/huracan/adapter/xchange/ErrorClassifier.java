package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeException;

/** One venue's reading of a failed call: RETRYABLE, REJECTED or FATAL, with the order's reason where one applies. */
interface ErrorClassifier {

    /** {@code action} names the call for the message ("new order abc"); the result's message says what happened. */
    ExchangeException classify(String action, Throwable failure);
}
