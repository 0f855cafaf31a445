package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.testkit.exchange.ExchangeGatewayContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The exchange contract against Bybit v5 through XChange, on a local venue answering as Bybit documents: spot and
 * the USDT perpetual (category linear) of a unified account. The stub matches at once, so {@link #settle()} has nothing to wait for.
 */
class BybitGatewayContractTest {

    @Nested
    class Spot extends BybitContract {
        Spot() {
            super(InstrumentKind.SPOT);
        }
    }

    @Nested
    class Perpetual extends BybitContract {
        Perpetual() {
            super(InstrumentKind.PERPETUAL);
        }
    }

    abstract static class BybitContract extends ExchangeGatewayContract {
        private final InstrumentKind market;
        private BybitStub stub;

        BybitContract(InstrumentKind market) {
            this.market = market;
        }

        @Override
        protected ExchangeGateway newGateway() {
            try {
                stub = new BybitStub();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return BybitVenues.patientGateway(stub, market, Clock.systemUTC());
        }

        @Override
        protected void settle() {
        }

        @AfterEach
        void stopStub() throws IOException {
            stub.close();
        }
    }
}
