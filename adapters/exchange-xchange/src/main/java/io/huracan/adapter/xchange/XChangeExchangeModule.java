package io.huracan.adapter.xchange;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.metrics.EngineMetrics;

import java.time.Clock;
import java.util.List;

/**
 * Binds the live venues as the engine's {@link ExchangeGateway}, and their {@link ExchangeHealth}, registering each
 * venue's meters and health check on the bound {@link EngineMetrics}. Builds the XChange clients when the gateway is
 * first needed (XChange does no I/O at construction: remote metadata loading is off, instruments load on first use).
 */
public final class XChangeExchangeModule extends AbstractModule {
    private final List<XChangeVenueConfig> venues;

    public XChangeExchangeModule(List<XChangeVenueConfig> venues) {
        if (venues.isEmpty()) {
            throw new IllegalArgumentException("the XChange exchange module needs at least one venue");
        }
        this.venues = List.copyOf(venues);
    }

    @Provides
    @Singleton
    XChangeExchangeGateway xchangeGateway(EngineMetrics metrics) {
        return XChangeExchangeGateway.create(venues, Clock.systemUTC(), metrics);
    }

    @Provides
    @Singleton
    ExchangeGateway gateway(XChangeExchangeGateway gateway) {
        return gateway;
    }

    @Provides
    @Singleton
    ExchangeHealth health(XChangeExchangeGateway gateway) {
        return gateway;
    }
}
