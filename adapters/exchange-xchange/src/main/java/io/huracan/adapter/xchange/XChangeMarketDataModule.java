package io.huracan.adapter.xchange;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.metrics.EngineMetrics;

import java.time.Clock;
import java.util.List;

/**
 * Binds the live venues' streams as the engine's {@link LiveMarketDataFeed} and {@link MarketDataFeed}, beside an
 * {@link XChangeExchangeModule} whose venue clients (request budgets, listings) they share, and registers each
 * venue's stream meters and health check. Nothing connects until a coin is subscribed; the feed stops with the
 * engine's services.
 */
public final class XChangeMarketDataModule extends AbstractModule {
    private final List<XChangeStreamConfig> streams;

    public XChangeMarketDataModule(List<XChangeStreamConfig> streams) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("the XChange market data module needs at least one venue stream");
        }
        this.streams = List.copyOf(streams);
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(XChangeLiveMarketDataFeed.class);
    }

    @Provides
    @Singleton
    XChangeLiveMarketDataFeed xchangeFeed(XChangeExchangeGateway gateway, EngineMetrics metrics) {
        return XChangeLiveMarketDataFeed.create(gateway, streams, Clock.systemUTC(), metrics);
    }

    @Provides
    @Singleton
    LiveMarketDataFeed liveFeed(XChangeLiveMarketDataFeed feed) {
        return feed;
    }

    @Provides
    @Singleton
    MarketDataFeed feed(XChangeLiveMarketDataFeed feed) {
        return feed;
    }
}
