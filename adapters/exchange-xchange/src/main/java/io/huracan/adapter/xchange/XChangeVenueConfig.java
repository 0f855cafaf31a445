package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.time.Duration;

/**
 * One live venue: its credentials (already resolved from the environment; {@link #toString()} never shows them),
 * the base URL (empty for the venue's documented endpoint), timeouts, the quote currency traded, how many times a
 * safe call is retried, how long a call may wait for the rate budget, when the circuit breaker opens, and a factor
 * on the documented rate limits the adapter assumes (1; more for an account whose limits the venue raised and does
 * not announce, as OKX's fill-ratio tiers; limits the venue states, Binance's exchangeInfo and Bybit's
 * X-Bapi-Limit, are taken as stated).
 */
public record XChangeVenueConfig(
        ExchangeId exchange,
        InstrumentKind market,
        String apiKey,
        String apiSecret,
        String passphrase,
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        String quoteCurrency,
        int maxRetries,
        Duration retryBackoff,
        Duration maxRateLimitWait,
        int breakerFailures,
        Duration breakerOpenFor,
        double rateLimitScale) {

    public XChangeVenueConfig {
        if (exchange == null || exchange == ExchangeId.PAPER) {
            throw new IllegalArgumentException("venue " + exchange + " is invalid; allowed: binance, okx, bybit");
        }
        if (market == null || exchange == ExchangeId.BINANCE && market != InstrumentKind.SPOT) {
            throw new IllegalArgumentException("engine.exchanges." + exchange.key() + ".market: "
                    + (market == null ? null : market.name().toLowerCase(java.util.Locale.ROOT))
                    + " is not available in this build; allowed: spot (binance), spot or perpetual (okx, bybit)");
        }
        if (apiKey == null || apiSecret == null || passphrase == null || baseUrl == null || quoteCurrency == null) {
            throw new IllegalArgumentException("venue " + exchange.key() + " needs credentials (may be empty), a base url "
                    + "(may be empty) and a quote currency");
        }
        if (exchange == ExchangeId.OKX && !apiKey.isEmpty() && passphrase.isEmpty()) {
            throw new IllegalArgumentException("engine.exchanges.okx.passphrase: is empty while api_key is set; allowed: "
                    + "the passphrase of the OKX api key (OKX signs every private request with it)");
        }
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^\\s/]+(:\\d+)?/?")) {
            throw new IllegalArgumentException("engine.exchanges." + exchange.key() + ".base_url: '" + baseUrl
                    + "' is invalid; allowed: empty (the venue's documented endpoint) or http(s)://host[:port]");
        }
        if (!(rateLimitScale > 0 && rateLimitScale <= 1000)) {
            throw new IllegalArgumentException("engine.exchanges." + exchange.key() + ".rate_limit_scale: " + rateLimitScale
                    + " is out of range (0, 1000]");
        }
        if (!quoteCurrency.matches("[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("venue " + exchange.key() + " quote currency '" + quoteCurrency
                    + "' is invalid; allowed: 2-10 characters of A-Z 0-9");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("venue " + exchange.key() + " timeouts " + connectTimeout + "/" + readTimeout
                    + " are invalid; allowed: > 0");
        }
        if (maxRetries < 0 || breakerFailures < 1 || retryBackoff == null || maxRateLimitWait == null || breakerOpenFor == null) {
            throw new IllegalArgumentException("venue " + exchange.key() + " retries " + maxRetries + " breaker failures "
                    + breakerFailures + " are invalid; allowed: retries >= 0, breaker failures >= 1");
        }
    }

    @Override
    public String toString() {
        return "XChangeVenueConfig[" + exchange.key() + " " + market + " base_url=" + baseUrl + " api_key="
                + (apiKey.isEmpty() ? "<none>" : "<redacted>") + "]";
    }
}
