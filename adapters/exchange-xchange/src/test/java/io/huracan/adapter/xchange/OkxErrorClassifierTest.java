package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchange.okex.dto.OkexException;

import java.net.SocketTimeoutException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OKX's documented codes (https://www.okx.com/docs-v5/en/#error-code-rest-api, messages as listed there), each onto
 * its class and reason, with the HTTP status OKX documents for it.
 */
class OkxErrorClassifierTest {
    private final OkxErrorClassifier classifier = new OkxErrorClassifier();

    @ParameterizedTest(name = "{0} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "50001|503|Service temporarily unavailable. Try again later|RETRYABLE|",
            "50004|200|API endpoint request timeout (does not mean that the request was successful or failed, please check the request result).|RETRYABLE|",
            "50011|429|Rate limit reached. Please refer to API documentation and throttle requests accordingly.|RETRYABLE|",
            "50013|503|Systems are busy. Please try again later.|RETRYABLE|",
            "50026|500|System error. Try again later.|RETRYABLE|",
            "50061|429|Sub-account rate limit exceeded.|RETRYABLE|",
            "51149|200|Order timed out. Please try again.|RETRYABLE|",
            "50102|401|Timestamp request expired.|RETRYABLE|",
            "50105|401|Request header OK-ACCESS-PASSPHRASE incorrect.|FATAL|",
            "50110|401|Your IP 203.0.113.7 is not included in your API key's IP whitelist.|FATAL|",
            "50111|401|Invalid OK-ACCESS-KEY.|FATAL|",
            "50113|401|Invalid Sign.|FATAL|",
            "50027|200|The account is restricted from trading.|FATAL|",
            "50014|400|Parameter sz cannot be empty.|REJECTED|",
            "51000|400|Parameter clOrdId error|REJECTED|",
            "51001|200|Instrument ID does not exist.|REJECTED|UNKNOWN_INSTRUMENT",
            "51008|200|Order failed. Insufficient USDT balance in account.|REJECTED|INSUFFICIENT_BALANCE",
            "51131|200|Insufficient balance.|REJECTED|INSUFFICIENT_BALANCE",
            "51020|200|Your order should meet or exceed the minimum order amount.|REJECTED|LOT_SIZE",
            "51121|200|Order quantity must be a multiple of the lot size.|REJECTED|LOT_SIZE",
            "51148|200|reduceOnly cannot increase the position quantity.|REJECTED|REDUCE_ONLY_WOULD_INCREASE",
            "51400|200|Order cancellation failed as the order has been filled, canceled or does not exist.|REJECTED|UNKNOWN_ORDER",
            "51401|200|Order has been canceled already|REJECTED|UNKNOWN_ORDER",
            "51402|200|Order has been completed|REJECTED|UNKNOWN_ORDER",
            "51603|200|Order does not exist.|REJECTED|UNKNOWN_ORDER",
            "51006|200|Order price is not within the price limit (max buy price: 31500 min sell price: 28500)|REJECTED|"})
    void mapsDocumentedCodes(int code, int httpStatus, String message, ExchangeErrorClass expected, RejectReason reason) {
        OkexException okx = new OkexException(message, code);
        okx.setHttpStatusCode(httpStatus);

        ExchangeException classified = classifier.classify("new order x", okx);

        assertThat(classified.errorClass()).isEqualTo(expected);
        assertThat(classified.reason()).isEqualTo(Optional.ofNullable(reason));
        assertThat(classified.getMessage()).contains(Integer.toString(code)).contains(message);
    }

    @Test
    void theCodeIsReadFromXChangesExceptionWhichKeepsItPrivate() {
        assertThat(OkxErrorClassifier.code(new OkexException("Rate limit reached", 50011))).isEqualTo(50011);
    }

    @Test
    void aTimeoutIsRetryableAndSaysTheOutcomeIsUnknown() {
        ExchangeException classified = classifier.classify("new order x", new SocketTimeoutException("Read timed out"));

        assertThat(classified.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
        assertThat(classified.getMessage()).startsWith("okx new order x").contains("Read timed out").contains("outcome unknown");
    }
}
