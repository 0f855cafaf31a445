package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.RejectReason;
import org.knowm.xchange.bybit.service.BybitException;


import static io.huracan.ports.exchange.ExchangeErrorClass.FATAL;
import static io.huracan.ports.exchange.ExchangeErrorClass.REJECTED;
import static io.huracan.ports.exchange.ExchangeErrorClass.RETRYABLE;

/**
 * Maps what Bybit v5 answers onto RETRYABLE, REJECTED or FATAL, with the order's {@link RejectReason} where one
 * applies. Codes from https://bybit-exchange.github.io/docs/v5/error (the {@code retCode} of the envelope, which
 * Bybit sends with HTTP 200); HTTP 403 is the IP ban for exceeding 600 requests per 5 s
 * (https://bybit-exchange.github.io/docs/v5/rate-limit).
 */
final class BybitErrorClassifier implements ErrorClassifier {
    static final int RATE_LIMITED = 10006;
    static final int SPOT_RATE_LIMITED = 170222;
    static final int DUPLICATE_LINK_ID_DERIVATIVES = 110072;
    static final int DUPLICATE_LINK_ID_SPOT = 170141;

    @Override
    public ExchangeException classify(String action, Throwable failure) {
        if (failure instanceof BybitException bybit) {
            return byCode(action, bybit.getRetCode(), bybit.getRetMsg(), bybit.getHttpStatusCode(), failure);
        }
        return TransportFailures.classify("bybit", action, failure, status -> byHttpStatus(action, status, failure));
    }

    private ExchangeException byCode(String action, int code, String message, int httpStatus, Throwable cause) {
        String what = "bybit " + action + " failed with " + code + " " + (message == null ? "" : message);
        return switch (code) {
            case 10000, 10016, 10429, 429, 110079, 170146, 170147, 170191, 170212 ->
                    new ExchangeException(RETRYABLE, null, what + " (venue-side failure; outcome unknown)", cause);
            case RATE_LIMITED, SPOT_RATE_LIMITED -> new ExchangeException(RETRYABLE, null, what + " (request rate limit hit; backing off)", cause);
            case 10002, -1 -> new ExchangeException(RETRYABLE, null, what + " (check the machine's clock)", cause);
            case 10003, 10004, 10005, 10007, 10010, 33004, -2015 -> new ExchangeException(FATAL, null, what
                    + " (check the api key, its permissions and its IP whitelist)", cause);
            case 10008, 10009, 10024, 10027, 10028, 100028 ->
                    new ExchangeException(FATAL, null, what + " (the account cannot trade now)", cause);
            case 10029, 170121 -> new ExchangeException(REJECTED, RejectReason.UNKNOWN_INSTRUMENT, what, cause);
            case 110004, 110007, 110012, 110044, 110045, 170033, 170131 ->
                    new ExchangeException(REJECTED, RejectReason.INSUFFICIENT_BALANCE, what, cause);
            case 170136, 170137, 110017 -> new ExchangeException(REJECTED, RejectReason.LOT_SIZE, what, cause);
            case 170134 -> new ExchangeException(REJECTED, RejectReason.TICK_SIZE, what, cause);
            case 170140, 110094 -> new ExchangeException(REJECTED, RejectReason.MIN_NOTIONAL, what, cause);
            // does not exist, or no longer open (filled, cancelled): not an open order
            case 110001, 110008, 110010, 170139, 170142, 170143, 170190, 170213 ->
                    new ExchangeException(REJECTED, RejectReason.UNKNOWN_ORDER, what, cause);
            default -> code >= 110000 && code < 200000 || code == 10001 || code == 10014 || code == 10017
                    ? new ExchangeException(REJECTED, null, what, cause)
                    : byHttpStatus(action + " (" + code + " " + message + ")", httpStatus, cause);
        };
    }

    private ExchangeException byHttpStatus(String action, int status, Throwable cause) {
        String what = "bybit " + action + " failed with HTTP " + status;
        ExchangeErrorClass errorClass;
        if (status == 429 || status == 403 || status >= 500 || status == 0 || status == 200) {
            errorClass = RETRYABLE;
        } else if (status == 401) {
            errorClass = FATAL;
        } else {
            errorClass = REJECTED;
        }
        String hint = switch (status) {
            case 429 -> " (system frequency protection; backing off)";
            case 403 -> " (IP banned for exceeding 600 requests per 5 s; no call until the ban ends)";
            case 401 -> " (check the api key and the request signature)";
            default -> status >= 500 ? " (venue-side failure; outcome unknown)" : "";
        };
        return new ExchangeException(errorClass, null, what + hint, cause);
    }
}
