package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.time.Clock;
import java.time.Duration;

/** Gateways over a {@link BybitStub}, spot or USDT perpetuals (see {@link StubVenues} for the timings). */
final class BybitVenues {
    private BybitVenues() {
    }

    static XChangeVenueConfig config(BybitStub stub, InstrumentKind market, int maxRetries,
                                     int breakerFailures, Duration readTimeout) {
        return StubVenues.config(ExchangeId.BYBIT, market, stub, BybitStub.API_KEY, BybitStub.API_SECRET, "",
                maxRetries, breakerFailures, readTimeout);
    }

    static XChangeExchangeGateway gateway(BybitStub stub, InstrumentKind market, Clock clock) {
        return StubVenues.gateway(config(stub, market, 3, 5, StubVenues.FAULT_READ_TIMEOUT), clock);
    }

    static XChangeExchangeGateway patientGateway(BybitStub stub, InstrumentKind market, Clock clock) {
        return StubVenues.gateway(config(stub, market, 3, 5, StubVenues.PATIENT_READ_TIMEOUT), clock);
    }
}
