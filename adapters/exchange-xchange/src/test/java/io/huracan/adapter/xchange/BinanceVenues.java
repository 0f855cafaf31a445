package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.time.Clock;
import java.time.Duration;

/** Gateways over a {@link BinanceStub} (see {@link StubVenues} for the timings). */
final class BinanceVenues {
    private BinanceVenues() {
    }

    static XChangeVenueConfig config(BinanceStub stub, int maxRetries, int breakerFailures) {
        return config(stub, BinanceStub.API_SECRET, maxRetries, breakerFailures);
    }

    static XChangeVenueConfig config(BinanceStub stub, String secret, int maxRetries, int breakerFailures) {
        return config(stub, secret, maxRetries, breakerFailures, StubVenues.FAULT_READ_TIMEOUT);
    }

    static XChangeVenueConfig config(BinanceStub stub, String secret, int maxRetries, int breakerFailures,
                                     Duration readTimeout) {
        return StubVenues.config(ExchangeId.BINANCE, InstrumentKind.SPOT, stub, BinanceStub.API_KEY, secret, "",
                maxRetries, breakerFailures, readTimeout);
    }

    static XChangeExchangeGateway gateway(BinanceStub stub, Clock clock) {
        return gateway(config(stub, 3, 5), clock);
    }

    static XChangeExchangeGateway patientGateway(BinanceStub stub, Clock clock) {
        return gateway(config(stub, BinanceStub.API_SECRET, 3, 5, StubVenues.PATIENT_READ_TIMEOUT), clock);
    }

    static XChangeExchangeGateway gateway(XChangeVenueConfig config, Clock clock) {
        return StubVenues.gateway(config, clock);
    }
}
