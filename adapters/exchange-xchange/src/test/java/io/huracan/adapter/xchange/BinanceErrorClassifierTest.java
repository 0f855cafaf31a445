package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.RejectReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.binance.dto.BinanceException;

import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Binance's documented error codes and messages, each onto its class and reason. */
class BinanceErrorClassifierTest {
    private final BinanceErrorClassifier classifier = new BinanceErrorClassifier();

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "-1003|Too much request weight used; current limit is 6000 request weight per 1 MINUTE.|RETRYABLE|",
            "-1021|Timestamp for this request is outside of the recvWindow.|RETRYABLE|",
            "-1007|Timeout waiting for response from backend server. Send status unknown; execution status unknown.|RETRYABLE|",
            "-2010|Account has insufficient balance for requested action.|REJECTED|INSUFFICIENT_BALANCE",
            "-2010|Order would immediately match and take.|REJECTED|POST_ONLY_WOULD_TAKE",
            "-1013|Filter failure: PRICE_FILTER|REJECTED|TICK_SIZE",
            "-1013|Filter failure: LOT_SIZE|REJECTED|LOT_SIZE",
            "-1013|Filter failure: NOTIONAL|REJECTED|MIN_NOTIONAL",
            "-2011|Unknown order sent.|REJECTED|UNKNOWN_ORDER",
            "-2013|Order does not exist.|REJECTED|UNKNOWN_ORDER",
            "-1121|Invalid symbol.|REJECTED|UNKNOWN_INSTRUMENT",
            "-1102|Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.|REJECTED|",
            "-2015|Invalid API-key, IP, or permissions for action.|FATAL|",
            "-1022|Signature for this request is not valid.|FATAL|"})
    void mapsDocumentedCodes(int code, String message, ExchangeErrorClass expected, RejectReason reason) {
        ExchangeException classified = classifier.classify("new order x", new BinanceException(code, message));

        assertThat(classified.errorClass()).isEqualTo(expected);
        assertThat(classified.reason()).isEqualTo(java.util.Optional.ofNullable(reason));
        assertThat(classified.getMessage()).contains(Integer.toString(code)).contains(message);
    }

    @Test
    void aTimeoutIsRetryableAndSaysTheOutcomeIsUnknown() {
        ExchangeException classified = classifier.classify("new order x", new SocketTimeoutException("Read timed out"));

        assertThat(classified.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
        assertThat(classified.getMessage()).contains("Read timed out").contains("outcome unknown");
    }
}
