package io.huracan.bootstrap.config;

import io.huracan.ports.config.InvalidConfigException;
import io.huracan.ports.config.Secret;
import io.huracan.ports.market.InstrumentKind;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.inHalfOpenRange;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * One live venue under {@code engine.exchanges}. Credentials are references ({@code ${env:...}}), never literals.
 * {@code baseUrl} is empty for the venue's documented endpoint, or points elsewhere (a testnet, a local stub).
 * Reads and cancels are retried {@code maxRetries} times, backing off from {@code retryBackoff} with jitter; a call
 * may wait up to {@code maxRateLimitWait} for the venue's rate limits (0: never wait, fail at once without sending);
 * {@code breakerFailures} venue failures in a row open the circuit breaker for {@code breakerOpenFor};
 * {@code rateLimitScale} multiplies the documented rate limits the adapter assumes (an account with raised limits);
 * {@code workingOrderPollInterval} is how often a live session asks the venue about each of its working orders (the
 * fills of a resting order reach the engine no other way); {@code stream} is the venue's market-data websockets.
 */
public record VenueSection(
        boolean enabled,
        InstrumentKind market,
        Secret apiKey,
        Secret apiSecret,
        Secret passphrase,
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration retryBackoff,
        Duration maxRateLimitWait,
        int breakerFailures,
        Duration breakerOpenFor,
        double rateLimitScale,
        Duration workingOrderPollInterval,
        StreamSection stream) {

    public VenueSection {
        required("market", market);
        required("api_key", apiKey);
        required("api_secret", apiSecret);
        required("passphrase", passphrase);
        required("base_url", baseUrl);
        positive("connect_timeout", connectTimeout);
        positive("read_timeout", readTimeout);
        if (maxRetries < 0 || maxRetries > 10) {
            throw new InvalidConfigException("max_retries", maxRetries + " is out of range [0, 10]");
        }
        positive("retry_backoff", retryBackoff);
        required("max_rate_limit_wait", maxRateLimitWait);
        if (maxRateLimitWait.isNegative()) {
            throw new InvalidConfigException("max_rate_limit_wait", maxRateLimitWait + " is invalid; allowed: a duration >= 0");
        }
        positive("breaker_failures", breakerFailures);
        positive("breaker_open_for", breakerOpenFor);
        inHalfOpenRange("rate_limit_scale", rateLimitScale, 0, 1000);
        positive("working_order_poll_interval", workingOrderPollInterval);
        required("stream", stream);
    }
}
