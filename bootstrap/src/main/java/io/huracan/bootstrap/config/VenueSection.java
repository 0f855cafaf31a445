package io.huracan.bootstrap.config;

import io.huracan.ports.config.Secret;
import io.huracan.ports.market.InstrumentKind;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * One live venue under {@code engine.exchanges}. Credentials are references ({@code ${env:...}}), never literals.
 * {@code baseUrl} is empty for the venue's documented endpoint, or points elsewhere (a testnet, a local stub).
 */
public record VenueSection(
        boolean enabled,
        InstrumentKind market,
        Secret apiKey,
        Secret apiSecret,
        Secret passphrase,
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout) {

    public VenueSection {
        required("market", market);
        required("api_key", apiKey);
        required("api_secret", apiSecret);
        required("passphrase", passphrase);
        required("base_url", baseUrl);
        positive("connect_timeout", connectTimeout);
        positive("read_timeout", readTimeout);
    }
}
