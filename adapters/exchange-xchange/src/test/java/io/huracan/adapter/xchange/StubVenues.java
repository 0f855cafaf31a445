package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.metrics.EngineMetrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Venue configs pointing at a local stub, with short timeouts and backoffs so fault tests run in milliseconds:
 * connect 500 ms, retries backing off from 5 ms, at most 100 ms of waiting for the rate budget, the breaker open
 * for 300 ms.
 */
final class StubVenues {
    /** Read timeout for fault tests: their stall fault (2.5 s) exceeds it, normal answers on a loaded machine do not. */
    static final Duration FAULT_READ_TIMEOUT = Duration.ofSeconds(1);
    /** For tests without faults: a loaded machine cannot make a call ambiguous. */
    static final Duration PATIENT_READ_TIMEOUT = Duration.ofSeconds(5);

    private StubVenues() {
    }

    static XChangeVenueConfig config(ExchangeId exchange, InstrumentKind market, StubVenue stub, String apiKey,
                                     String secret, String passphrase, int maxRetries, int breakerFailures,
                                     Duration readTimeout) {
        return new XChangeVenueConfig(exchange, market, apiKey, secret, passphrase, stub.baseUrl(), Duration.ofMillis(500),
                readTimeout, "USDT", maxRetries, Duration.ofMillis(5), Duration.ofMillis(100), breakerFailures,
                Duration.ofMillis(300), 1);
    }

    static XChangeExchangeGateway gateway(XChangeVenueConfig config, Clock clock) {
        return XChangeExchangeGateway.create(List.of(config), clock, EngineMetrics.NONE);
    }
}
