package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Gateways over a {@link BinanceStub} with short timeouts and backoffs, so fault tests run in milliseconds. */
final class BinanceVenues {
    private BinanceVenues() {
    }

    static XChangeVenueConfig config(BinanceStub stub, int maxRetries, int breakerFailures) {
        return config(stub, BinanceStub.API_SECRET, maxRetries, breakerFailures);
    }

    static XChangeVenueConfig config(BinanceStub stub, String secret, int maxRetries, int breakerFailures) {
        return config(stub, secret, maxRetries, breakerFailures, Duration.ofMillis(400));
    }

    /** Read timeout 400 ms: the stub's stall fault (1.5 s) exceeds it, its normal answers (a few ms) do not. */
    static XChangeVenueConfig config(BinanceStub stub, String secret, int maxRetries, int breakerFailures,
                                     Duration readTimeout) {
        return new XChangeVenueConfig(ExchangeId.BINANCE, InstrumentKind.SPOT, BinanceStub.API_KEY, secret, "",
                stub.baseUrl(), Duration.ofMillis(500), readTimeout, "USDT", maxRetries, Duration.ofMillis(5),
                Duration.ofMillis(100), breakerFailures, Duration.ofMillis(300));
    }

    static XChangeExchangeGateway gateway(BinanceStub stub, Clock clock) {
        return XChangeExchangeGateway.create(List.of(config(stub, 3, 5)), clock);
    }

    /** For tests without faults: a generous read timeout, so a loaded machine cannot make a call ambiguous. */
    static XChangeExchangeGateway patientGateway(BinanceStub stub, Clock clock) {
        return XChangeExchangeGateway.create(List.of(config(stub, BinanceStub.API_SECRET, 3, 5, Duration.ofSeconds(5))), clock);
    }

    static XChangeExchangeGateway gateway(XChangeVenueConfig config, Clock clock) {
        return XChangeExchangeGateway.create(List.of(config), clock);
    }
}
