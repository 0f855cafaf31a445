package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

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

    /** A buy of 0.001 BTC at 27000.00, below the stub's book: it rests. */
    static Order restingBuy(String id) {
        return new Order(new ClientOrderId(id), Coin.of("BTC"), ExchangeId.BINANCE, InstrumentKind.SPOT, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, Quantity.of("0.001"), Optional.of(Price.of("27000.00")), false);
    }

    static XChangeExchangeGateway gateway(XChangeVenueConfig config, Clock clock) {
        return StubVenues.gateway(config, clock);
    }
}
