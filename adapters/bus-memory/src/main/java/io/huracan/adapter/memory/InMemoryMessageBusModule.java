package io.huracan.adapter.memory;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.MessageBus;

/**
 * Binds {@link MessageBus} to the in-process bus ({@code engine.message_bus.adapter: memory}). Needs an
 * {@code EngineClock} bound elsewhere; the bus stamps message ids with its wall clock and measures idle time on
 * its monotonic clock.
 */
public final class InMemoryMessageBusModule extends AbstractModule {
    private final BusLimits limits;

    public InMemoryMessageBusModule(BusLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void configure() {
        bind(BusLimits.class).toInstance(limits);
        bind(MessageBus.class).to(InMemoryMessageBus.class).in(Singleton.class);
    }
}
