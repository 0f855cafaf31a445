package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchange.bybit.service.BybitException;

import java.io.IOException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Bybit's documented retCodes (https://bybit-exchange.github.io/docs/v5/error), each onto its class and reason. */
class BybitErrorClassifierTest {
    private final BybitErrorClassifier classifier = new BybitErrorClassifier();

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "10000|Server Timeout|RETRYABLE|",
            "10006|Too many visits. Exceeded the API Rate Limit.|RETRYABLE|",
            "10016|Server error.|RETRYABLE|",
            "170146|Order creation timeout|RETRYABLE|",
            "170222|Too many requests in this time frame.|RETRYABLE|",
            "10002|The request time exceeds the time window range.|RETRYABLE|",
            "10003|API key is invalid.|FATAL|",
            "10004|Error sign, please check your signature generation algorithm.|FATAL|",
            "10005|Permission denied, please check your API key permissions.|FATAL|",
            "10010|Unmatched IP, please check your API key's bound IP addresses.|FATAL|",
            "10027|Transactions are banned.|FATAL|",
            "10001|Request parameter error|REJECTED|",
            "10029|The requested symbol is invalid, please check symbol whitelist|REJECTED|UNKNOWN_INSTRUMENT",
            "170121|Invalid symbol.|REJECTED|UNKNOWN_INSTRUMENT",
            "110007|Available balance is insufficient|REJECTED|INSUFFICIENT_BALANCE",
            "170131|Balance insufficient|REJECTED|INSUFFICIENT_BALANCE",
            "170136|Order quantity lower than the minimum.|REJECTED|LOT_SIZE",
            "170137|Order volume decimal too long|REJECTED|LOT_SIZE",
            "170134|Order price decimal too long.|REJECTED|TICK_SIZE",
            "170140|Order value exceeded lower limit|REJECTED|MIN_NOTIONAL",
            "110094|Order notional value below the lower limit|REJECTED|MIN_NOTIONAL",
            "110001|Order does not exist|REJECTED|UNKNOWN_ORDER",
            "110008|The order has been completed or cancelled.|REJECTED|UNKNOWN_ORDER",
            "170213|Order does not exist.|REJECTED|UNKNOWN_ORDER",
            "110003|Order price exceeds the allowable range.|REJECTED|"})
    void mapsDocumentedCodes(int retCode, String retMsg, ExchangeErrorClass expected, RejectReason reason) {
        BybitException bybit = new BybitException(retCode, retMsg, null);
        bybit.setHttpStatusCode(200);

        ExchangeException classified = classifier.classify("new order x", bybit);

        assertThat(classified.errorClass()).isEqualTo(expected);
        assertThat(classified.reason()).isEqualTo(Optional.ofNullable(reason));
        assertThat(classified.getMessage()).contains(Integer.toString(retCode)).contains(retMsg);
    }

    @Test
    void aResetConnectionIsRetryableAndSaysTheOutcomeIsUnknown() {
        ExchangeException classified = classifier.classify("new order x", new IOException("Connection reset"));

        assertThat(classified.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
        assertThat(classified.getMessage()).startsWith("bybit new order x").contains("Connection reset")
                .contains("outcome unknown");
    }
}
