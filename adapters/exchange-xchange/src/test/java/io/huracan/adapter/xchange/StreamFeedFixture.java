package io.huracan.adapter.xchange;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.huracan.adapter.micrometer.MetricsEndpointConfig;
import io.huracan.adapter.micrometer.MicrometerMetricsModule;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.testkit.net.FreePorts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One venue's live feed as the engine wires it (the Guice modules of the gateway, the streams and the metrics
 * endpoint), subscribed to some coins, with the waits and reads the stream tests share: a coin's status, its last
 * top, and the running metrics endpoint.
 */
final class StreamFeedFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final RecordingListener listener = new RecordingListener();
    final LiveMarketDataFeed feed;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<ManagedService> services;
    private final MarketDataFeed.Subscription subscription;
    private final int port;

    /** Starts the services and subscribes the coins (nothing waits for them to go live). */
    StreamFeedFixture(XChangeVenueConfig venue, XChangeStreamConfig stream, Set<Coin> coins) throws Exception {
        port = FreePorts.loopback();
        Injector injector = Guice.createInjector(new MicrometerMetricsModule(new MetricsEndpointConfig("127.0.0.1", port, "")),
                new XChangeExchangeModule(List.of(venue)), new XChangeMarketDataModule(List.of(stream)));
        services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() { }));
        for (ManagedService service : services) {
            service.start();
        }
        feed = injector.getInstance(LiveMarketDataFeed.class);
        assertThat(injector.getInstance(MarketDataFeed.class)).isSameAs(feed);
        subscription = feed.subscribe(coins, listener);
    }

    /** A test's stream config: backoff from 50 ms to 500 ms, 5 failures before DOWN, connects within 10 s (a loaded machine). */
    static XChangeStreamConfig stream(ExchangeId exchange, String url, int coinsPerConnection,
                                      Duration staleAfter) {
        return new XChangeStreamConfig(exchange, url, coinsPerConnection, Duration.ofSeconds(10), Duration.ofMillis(50),
                Duration.ofMillis(500), 5, staleAfter, 100);
    }

    SymbolStreamStatus status(Coin coin) {
        List<SymbolStreamStatus> statuses = feed.status(coin);
        assertThat(statuses).hasSize(1);
        return statuses.get(0);
    }

    void awaitState(Coin coin, StreamState state) {
        Eventually.until(WAIT, () -> status(coin).state() == state, () -> feed.statuses().toString());
    }

    BookTop lastTop(Coin coin) {
        List<BookTop> tops = listener.tops(coin);
        return tops.isEmpty() ? null : tops.get(tops.size() - 1);
    }

    void awaitTop(Coin coin, double bid, double bidQuantity, double ask, double askQuantity) {
        Eventually.until(WAIT, () -> {
            BookTop top = lastTop(coin);
            return top != null && top.bidPrice() == bid && top.bidQuantity() == bidQuantity && top.askPrice() == ask
                    && top.askQuantity() == askQuantity;
        }, () -> lastTop(coin) + " " + feed.statuses());
    }

    String scrape() throws Exception {
        return get("/metrics");
    }

    String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        for (ManagedService service : services) {
            service.stop();
        }
    }
}
