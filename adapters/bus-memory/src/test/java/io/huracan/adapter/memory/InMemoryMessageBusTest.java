package io.huracan.adapter.memory;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.time.EngineClock;
import io.huracan.testkit.bus.MessageBusContract;

/** The in-memory bus against the shared contract, wired the way bootstrap wires it. */
class InMemoryMessageBusTest extends MessageBusContract {

    @Override
    protected MessageBus newBus(BusLimits limits) {
        return Guice.createInjector(new InMemoryMessageBusModule(limits), new AbstractModule() {
            @Override
            protected void configure() {
                bind(EngineClock.class).toInstance(new SystemTestClock());
            }
        }).getInstance(MessageBus.class);
    }

    /** The real clock: the contract measures idle timeouts in real time, as the Redis server does. */
    private static final class SystemTestClock implements EngineClock {
        @Override
        public long epochMicros() {
            return System.currentTimeMillis() * 1_000;
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }
    }
}
