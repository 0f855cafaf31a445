package io.huracan.testkit.cluster;

import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.market.Coin;
import org.junit.jupiter.api.Nested;

import java.time.Duration;

/** The in-memory fakes hold to the same contracts as the Redis adapters, so tests built on them mean something. */
class InMemoryClusterStoresTest {

    @Nested
    class Leases extends CoinLeasesContract {
        private final InMemoryCoinLeases store = new InMemoryCoinLeases();

        @Override
        protected CoinLeases process() {
            return store;
        }

        @Override
        protected Coin coin(String name) {
            return Coin.of(name);
        }
    }

    @Nested
    class Exposure extends SharedExposureContract {
        private final InMemoryCoinLeases leases = new InMemoryCoinLeases();
        private final InMemorySharedExposure exposure = new InMemorySharedExposure(leases, admissionMargin());

        @Override
        protected Process process() {
            return new Process(leases, exposure);
        }

        @Override
        protected Duration admissionMargin() {
            return Duration.ofMillis(250);
        }

        @Override
        protected Coin coin(String name) {
            return Coin.of(name);
        }
    }
}
