package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.RejectReason;
import org.knowm.xchange.okex.dto.OkexException;


import static io.huracan.ports.exchange.ExchangeErrorClass.FATAL;
import static io.huracan.ports.exchange.ExchangeErrorClass.REJECTED;
import static io.huracan.ports.exchange.ExchangeErrorClass.RETRYABLE;

/**
 * Maps what OKX v5 answers onto RETRYABLE, REJECTED or FATAL, with the order's {@link RejectReason} where one applies.
 * Codes from the "Error Code" section of https://www.okx.com/docs-v5/en/#error-code-rest-api: the envelope's
 * {@code code}, or for order entry the {@code sCode} of the order (the envelope then says only "1", "All operations
 * failed"). OKX answers most business errors with HTTP 200; rate limits with 429 and code 50011.
 */
final class OkxErrorClassifier implements ErrorClassifier {
    static final int RATE_LIMITED = 50011;
    static final int SUB_ACCOUNT_RATE_LIMITED = 50061;
    static final int DUPLICATE_CLIENT_ORDER_ID = 51016;

    @Override
    public ExchangeException classify(String action, Throwable failure) {
        if (failure instanceof OkexException okx) {
            return byCode(action, code(okx), okx.getMessage(), okx.getHttpStatusCode(), failure);
        }
        return TransportFailures.classify("okx", action, failure, status -> byHttpStatus(action, status, failure));
    }

    /** XChange 5.2.2's OkexException keeps the code private and shows it only as "code:message". */
    static int code(OkexException okx) {
        String text = okx.toString();
        int colon = text.indexOf(':');
        try {
            return Integer.parseInt(colon > 0 ? text.substring(0, colon) : text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ExchangeException byCode(String action, int code, String message, int httpStatus, Throwable cause) {
        String what = "okx " + action + " failed with " + code + " " + (message == null ? "" : message);
        return switch (code) {
            case 50001, 50004, 50005, 50013, 50026, 51054, 51149 ->
                    new ExchangeException(RETRYABLE, null, what + " (venue-side failure; outcome unknown)", cause);
            case RATE_LIMITED, SUB_ACCOUNT_RATE_LIMITED ->
                    new ExchangeException(RETRYABLE, null, what + " (request rate limit hit; backing off)", cause);
            case 50102 -> new ExchangeException(RETRYABLE, null, what + " (check the machine's clock)", cause);
            case 50100, 50101, 50103, 50104, 50105, 50106, 50107, 50110, 50111, 50112, 50113, 50114, 50030, 50035 ->
                    new ExchangeException(FATAL, null, what
                            + " (check the api key, its passphrase, its permissions and its IP whitelist)", cause);
            case 50007, 50008, 50009, 50012, 50027 ->
                    new ExchangeException(FATAL, null, what + " (the account cannot trade now)", cause);
            case 50000, 50002, 50006, 50014, 50015, 50016, 50024, 50025 ->
                    new ExchangeException(REJECTED, null, what + " (the request is malformed)", cause);
            case 51001 -> new ExchangeException(REJECTED, RejectReason.UNKNOWN_INSTRUMENT, what, cause);
            case 51008, 51127, 51131 -> new ExchangeException(REJECTED, RejectReason.INSUFFICIENT_BALANCE, what, cause);
            case 51020, 51120, 51121 -> new ExchangeException(REJECTED, RejectReason.LOT_SIZE, what, cause);
            case 51148, 51205 -> new ExchangeException(REJECTED, RejectReason.REDUCE_ONLY_WOULD_INCREASE, what, cause);
            // does not exist, already cancelled, already completed: not (or no longer) an open order
            case 51400, 51401, 51402, 51603 -> new ExchangeException(REJECTED, RejectReason.UNKNOWN_ORDER, what, cause);
            default -> code >= 51000 && code < 60000
                    ? new ExchangeException(REJECTED, null, what, cause)
                    : byHttpStatus(action + " (" + code + " " + message + ")", httpStatus, cause);
        };
    }

    private ExchangeException byHttpStatus(String action, int status, Throwable cause) {
        String what = "okx " + action + " failed with HTTP " + status;
        ExchangeErrorClass errorClass;
        if (status == 429 || status >= 500 || status == 0 || status == 200) {
            errorClass = RETRYABLE;
        } else if (status == 401 || status == 403) {
            errorClass = FATAL;
        } else {
            errorClass = REJECTED;
        }
        String hint = switch (status) {
            case 429 -> " (request rate limit hit; backing off)";
            case 401, 403 -> " (check the api key, its passphrase, its permissions and its IP whitelist)";
            default -> status >= 500 ? " (venue-side failure; outcome unknown)" : "";
        };
        return new ExchangeException(errorClass, null, what + hint, cause);
    }
}
