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
 * The exchange contract against OKX v5 through XChange, on a local venue answering as OKX documents: spot in a
 * cash account, and the linear USDT swap. The stub matches at once, so {@link #settle()} has nothing to wait for.
 */
class OkxGatewayContractTest {

    @Nested
    class Spot extends OkxContract {
        Spot() {
            super(InstrumentKind.SPOT);
        }
    }

    @Nested
    class Perpetual extends OkxContract {
        Perpetual() {
            super(InstrumentKind.PERPETUAL);
        }
    }

    abstract static class OkxContract extends ExchangeGatewayContract {
        private final InstrumentKind market;
        private OkxStub stub;

        OkxContract(InstrumentKind market) {
            this.market = market;
        }

        @Override
        protected ExchangeGateway newGateway() {
            try {
                stub = new OkxStub();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return OkxVenues.patientGateway(stub, market, Clock.systemUTC());
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
