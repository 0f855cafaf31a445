package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.testkit.exchange.ExchangeGatewayContract;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The exchange contract against Binance spot through XChange, on a local venue answering as Binance documents.
 * The stub matches at once (an IOC at or through the touch fills at the touch), so {@link #settle()} has nothing
 * to wait for.
 */
class BinanceGatewayContractTest extends ExchangeGatewayContract {
    private BinanceStub stub;

    @Override
    protected ExchangeGateway newGateway() {
        try {
            stub = new BinanceStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BinanceVenues.patientGateway(stub, Clock.systemUTC());
    }

    @Override
    protected void settle() {
    }

    @AfterEach
    void stopStub() throws IOException {
        stub.close();
    }
}
