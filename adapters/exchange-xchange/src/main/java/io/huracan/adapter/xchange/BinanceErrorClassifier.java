package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.RejectReason;
import org.knowm.xchange.binance.dto.BinanceException;

import java.util.Locale;

import static io.huracan.ports.exchange.ExchangeErrorClass.FATAL;
import static io.huracan.ports.exchange.ExchangeErrorClass.REJECTED;
import static io.huracan.ports.exchange.ExchangeErrorClass.RETRYABLE;

/**
 * Maps what Binance spot answers (its documented error codes, HTTP statuses, and transport failures) onto
 * RETRYABLE, REJECTED or FATAL, with the order's {@link RejectReason} where one applies. Codes from the Binance
 * spot "Error codes" page; the -2010 and -1013 messages carry the actual reason.
 */
final class BinanceErrorClassifier implements ErrorClassifier {
    /** Order does not exist (query); the cancel counterpart is -2011. */
    static final int NO_SUCH_ORDER = -2013;

    @Override
    public ExchangeException classify(String action, Throwable failure) {
        if (failure instanceof BinanceException binance) {
            return byCode(action, binance.getCode(), binance.getMessage(), binance.getHttpStatusCode(), failure);
        }
        return TransportFailures.classify("binance", action, failure, status -> byHttpStatus(action, status, failure));
    }

    private ExchangeException byCode(String action, int code, String message, int httpStatus, Throwable cause) {
        String text = message == null ? "" : message;
        String what = "binance " + action + " failed with " + code + " " + text;
        return switch (code) {
            case -1000, -1001, -1006, -1007, -1008, -1003, -1015, -1021 -> new ExchangeException(RETRYABLE, null, what, cause);
            case -1002, -1022, -2014, -2015 -> new ExchangeException(FATAL, null, what
                    + " (check the api key, its permissions and its IP whitelist)", cause);
            case -1121 -> new ExchangeException(REJECTED, RejectReason.UNKNOWN_INSTRUMENT, what, cause);
            case -2011, NO_SUCH_ORDER -> new ExchangeException(REJECTED, RejectReason.UNKNOWN_ORDER, what, cause);
            case -1013, -2010 -> new ExchangeException(REJECTED, orderReason(text), what, cause);
            default -> code <= -1100 && code > -1200 || code <= -2000
                    ? new ExchangeException(REJECTED, null, what, cause)
                    : byHttpStatus(action, httpStatus, cause);
        };
    }

    private ExchangeException byHttpStatus(String action, int status, Throwable cause) {
        String what = "binance " + action + " failed with HTTP " + status;
        ExchangeErrorClass errorClass;
        if (status == 429 || status == 418 || status >= 500 || status == 0) {
            errorClass = RETRYABLE;
        } else if (status == 401 || status == 403) {
            errorClass = FATAL;
        } else {
            errorClass = REJECTED;
        }
        String hint = switch (status) {
            case 429 -> " (request rate limit hit; backing off for Retry-After)";
            case 418 -> " (IP banned for ignoring 429s; no call until the ban ends)";
            case 403 -> " (web application firewall refused the request)";
            default -> status >= 500 ? " (venue-side failure; outcome unknown)" : "";
        };
        return new ExchangeException(errorClass, null, what + hint, cause);
    }

    /** The reason inside a -2010 or -1013 message, e.g. "Filter failure: PRICE_FILTER". */
    static RejectReason orderReason(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("insufficient balance")) {
            return RejectReason.INSUFFICIENT_BALANCE;
        }
        if (text.contains("immediately match and take")) {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (text.contains("price_filter") || text.contains("percent_price")) {
            return RejectReason.TICK_SIZE;
        }
        if (text.contains("lot_size") || text.contains("market_lot_size")) {
            return RejectReason.LOT_SIZE;
        }
        if (text.contains("notional")) {
            return RejectReason.MIN_NOTIONAL;
        }
        return null;
    }
}
