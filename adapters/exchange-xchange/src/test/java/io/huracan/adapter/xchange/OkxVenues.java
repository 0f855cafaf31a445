package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.time.Clock;
import java.time.Duration;

/** Gateways over an {@link OkxStub}, spot or swaps (see {@link StubVenues} for the timings). */
final class OkxVenues {
    private OkxVenues() {
    }

    static XChangeVenueConfig config(OkxStub stub, InstrumentKind market, String passphrase, int maxRetries,
                                     int breakerFailures, Duration readTimeout) {
        return StubVenues.config(ExchangeId.OKX, market, stub, OkxStub.API_KEY, OkxStub.API_SECRET, passphrase,
                maxRetries, breakerFailures, readTimeout);
    }

    static XChangeExchangeGateway gateway(OkxStub stub, InstrumentKind market, Clock clock) {
        return StubVenues.gateway(config(stub, market, OkxStub.PASSPHRASE, 3, 5, StubVenues.FAULT_READ_TIMEOUT), clock);
    }

    static XChangeExchangeGateway patientGateway(OkxStub stub, InstrumentKind market, Clock clock) {
        return StubVenues.gateway(config(stub, market, OkxStub.PASSPHRASE, 3, 5, StubVenues.PATIENT_READ_TIMEOUT), clock);
    }
}
