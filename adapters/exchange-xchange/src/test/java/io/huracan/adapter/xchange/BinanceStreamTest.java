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
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.ports.market.Trade;
import io.huracan.testkit.net.FreePorts;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binance spot streams end to end: xchange-stream-binance's websocket client against a local server speaking the
 * combined-stream protocol, REST snapshots from the same server, payloads as the spot API documentation shows them,
 * the feed, its meters and health wired by the Guice modules and read from the running metrics endpoint.
 */
class BinanceStreamTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final Coin ETH = Coin.of("ETH");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BTC_BIDS = "[[\"30000.00\",\"1.50000000\"],[\"29999.50\",\"0.75000000\"],[\"29998.00\",\"3.20000000\"]]";
    private static final String BTC_ASKS = "[[\"30000.10\",\"2.00000000\"],[\"30000.60\",\"0.40000000\"],[\"30002.00\",\"5.00000000\"]]";
    private static final String ETH_BIDS = "[[\"2000.00\",\"10.00000000\"],[\"1999.90\",\"4.00000000\"]]";
    private static final String ETH_ASKS = "[[\"2000.10\",\"8.00000000\"],[\"2000.20\",\"3.00000000\"]]";

    private final HttpClient http = HttpClient.newHttpClient();
    private final RecordingListener listener = new RecordingListener();
    private BinanceStreamStub stub;
    private java.util.Set<ManagedService> services;
    private LiveMarketDataFeed feed;
    private MarketDataFeed.Subscription subscription;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        for (ManagedService service : services) {
            service.stop();
        }
        stub.close();
    }

    /** The stub with BTCUSDT at lastUpdateId 1027024 and ETHUSDT at 2000, the feed subscribed to both and live. */
    private void start(Duration staleAfter) throws Exception {
        subscribe(staleAfter);
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
    }

    private void subscribe(Duration staleAfter) throws Exception {
        stub = new BinanceStreamStub();
        stub.depth("BTCUSDT", 1027024, BTC_BIDS, BTC_ASKS);
        stub.depth("ETHUSDT", 2000, ETH_BIDS, ETH_ASKS);
        port = FreePorts.loopback();
        XChangeVenueConfig venue = StubVenues.config(ExchangeId.BINANCE, InstrumentKind.SPOT, stub, BinanceStub.API_KEY,
                BinanceStub.API_SECRET, "", 0, 5, StubVenues.PATIENT_READ_TIMEOUT);
        XChangeStreamConfig stream = new XChangeStreamConfig(ExchangeId.BINANCE, stub.streamUrl(), 10,
                Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500), 5, staleAfter, 100);
        Injector injector = Guice.createInjector(new MicrometerMetricsModule(new MetricsEndpointConfig("127.0.0.1", port, "")),
                new XChangeExchangeModule(List.of(venue)), new XChangeMarketDataModule(List.of(stream)));
        services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() { }));
        for (ManagedService service : services) {
            service.start();
        }
        feed = injector.getInstance(LiveMarketDataFeed.class);
        assertThat(injector.getInstance(MarketDataFeed.class)).isSameAs(feed);
        subscription = feed.subscribe(Set.of(BTC, ETH), listener);
    }

    private SymbolStreamStatus status(Coin coin) {
        List<SymbolStreamStatus> statuses = feed.status(coin);
        assertThat(statuses).hasSize(1);
        return statuses.get(0);
    }

    private void awaitState(Coin coin, StreamState state) {
        Eventually.until(WAIT, () -> status(coin).state() == state, () -> feed.statuses().toString());
    }

    private BookTop lastTop(Coin coin) {
        List<BookTop> tops = listener.tops(coin);
        return tops.isEmpty() ? null : tops.get(tops.size() - 1);
    }

    private void awaitTop(Coin coin, double bid, double bidQuantity, double ask, double askQuantity) {
        Eventually.until(WAIT, () -> {
            BookTop top = lastTop(coin);
            return top != null && top.bidPrice() == bid && top.bidQuantity() == bidQuantity && top.askPrice() == ask
                    && top.askQuantity() == askQuantity;
        }, () -> String.valueOf(lastTop(coin)));
    }

    @Test
    void theBookGoesLiveFromTheSnapshotAndTheDiffsThatFollowIt() throws Exception {
        start(Duration.ofSeconds(60));
        assertThat(stub.sockets()).hasSize(1);
        assertThat(stub.sockets().get(0).streams()).containsExactlyInAnyOrder(
                "btcusdt@depth@100ms", "btcusdt@trade", "ethusdt@depth@100ms", "ethusdt@trade");
        awaitTop(BTC, 30000.00, 1.5, 30000.10, 2.0);
        awaitTop(ETH, 2000.00, 10, 2000.10, 8);

        stub.depthUpdate("BTCUSDT", 1027020, 1027024, "[[\"30000.00\",\"9.0\"]]", "[]"); // in the snapshot already: dropped
        stub.depthUpdate("BTCUSDT", 1027025, 1027027, "[[\"30000.05\",\"0.50000000\"]]", "[]");
        awaitTop(BTC, 30000.05, 0.5, 30000.10, 2.0);
        int tops = listener.tops(BTC).size();
        stub.depthUpdate("BTCUSDT", 1027028, 1027028, "[[\"29998.00\",\"0.00000000\"]]", "[[\"30002.00\",\"1.0\"]]");
        stub.depthUpdate("BTCUSDT", 1027029, 1027030, "[]", "[[\"30000.10\",\"0.00000000\"]]"); // the best ask goes
        awaitTop(BTC, 30000.05, 0.5, 30000.60, 0.4);
        assertThat(listener.tops(BTC)).hasSize(tops + 1); // the deep-level change published nothing

        stub.trade("BTCUSDT", 12345, "30000.05", "0.01000000", true);
        Eventually.until(WAIT, () -> !listener.trades.isEmpty(), () -> "no trade");
        assertThat(listener.trades).extracting(Trade::coin, Trade::exchange, Trade::price, Trade::quantity, Trade::aggressor)
                .containsExactly(Tuple.tuple(BTC, ExchangeId.BINANCE, 30000.05, 0.01, Side.SELL));
        assertThat(status(BTC)).extracting(SymbolStreamStatus::gaps, SymbolStreamStatus::resyncs).containsExactly(0L, 0L);
        assertThat(stub.depthRequests("BTCUSDT")).isEqualTo(1);

        assertThat(scrape()).contains("huracan_exchange_stream_live{exchange=\"binance\"} 2.0")
                .containsPattern("huracan_exchange_stream_messages_total\\{exchange=\"binance\"} [1-9]");
        assertThat(get("/health/ready")).contains("\"exchange-binance-stream\":{\"status\":\"UP\",\"reason\":\"binance streams:");
    }

    @Test
    void aSequenceGapResyncsOnlyThatCoin() throws Exception {
        start(Duration.ofSeconds(60));
        stub.depthUpdate("BTCUSDT", 1027025, 1027025, "[[\"30000.01\",\"1.0\"]]", "[]");
        awaitTop(BTC, 30000.01, 1.0, 30000.10, 2.0);
        stub.depth("BTCUSDT", 1027040, "[[\"30000.02\",\"2.00000000\"]]", "[[\"30000.09\",\"1.00000000\"]]");

        stub.depthUpdate("BTCUSDT", 1027030, 1027032, "[[\"30000.03\",\"1.0\"]]", "[]"); // 1027026..1027029 missed
        stub.depthUpdate("ETHUSDT", 2001, 2001, "[[\"2000.05\",\"1.0\"]]", "[]");

        awaitTop(BTC, 30000.02, 2.0, 30000.09, 1.0);
        awaitTop(ETH, 2000.05, 1.0, 2000.10, 8.0);
        assertThat(status(BTC)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::gaps, SymbolStreamStatus::resyncs)
                .containsExactly(StreamState.LIVE, 1L, 1L);
        assertThat(status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::gaps, SymbolStreamStatus::resyncs)
                .containsExactly(StreamState.LIVE, 0L, 0L);
        assertThat(stub.depthRequests("BTCUSDT")).isEqualTo(2);
        assertThat(stub.depthRequests("ETHUSDT")).isEqualTo(1);
        assertThat(scrape()).contains("huracan_exchange_stream_gaps_total{exchange=\"binance\"} 1.0")
                .contains("huracan_exchange_stream_reconnects_total{exchange=\"binance\",reason=\"closed\"} 0.0")
                .contains("huracan_exchange_stream_reconnects_total{exchange=\"binance\",reason=\"error\"} 0.0")
                .contains("huracan_exchange_stream_resyncs_total{exchange=\"binance\",reason=\"gap\"} 1.0");
    }

    @Test
    void aDroppedConnectionIsReopenedWithTheSameStreamsAndTheBooksComeBackLive() throws Exception {
        start(Duration.ofSeconds(60));
        Set<String> streams = stub.sockets().get(0).streams();
        int upgrades = stub.upgrades();

        stub.dropAll();

        Eventually.until(WAIT, () -> stub.upgrades() == upgrades + 1 && stub.openSockets() == 1,
                () -> stub.upgrades() + " upgrades");
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
        assertThat(stub.sockets().get(0).streams()).isEqualTo(streams);
        assertThat(stub.depthRequests("BTCUSDT")).isEqualTo(2);
        stub.depthUpdate("BTCUSDT", 1027025, 1027025, "[[\"30000.04\",\"1.0\"]]", "[]");
        awaitTop(BTC, 30000.04, 1.0, 30000.10, 2.0);
        String metrics = scrape();
        assertThat(metrics).containsPattern("huracan_exchange_stream_reconnects_total\\{exchange=\"binance\",reason=\"(closed|error)\"} 1.0")
                .contains("huracan_exchange_stream_resyncs_total{exchange=\"binance\",reason=\"reconnect\"} 2.0");
        assertThat(status(BTC).resyncs()).isEqualTo(1);
    }

    @Test
    void aConnectionTheVenueClosesIsReopenedToo() throws Exception {
        start(Duration.ofSeconds(60));
        int upgrades = stub.upgrades();

        stub.closeAll(1001, "going away");

        Eventually.until(WAIT, () -> stub.upgrades() == upgrades + 1 && stub.openSockets() == 1,
                () -> stub.upgrades() + " upgrades");
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
        assertThat(scrape()).contains("huracan_exchange_stream_reconnects_total{exchange=\"binance\",reason=\"closed\"} 1.0");
    }

    @Test
    void refusedHandshakesPutTheCoinsDownUntilTheVenueAcceptsAgain() throws Exception {
        start(Duration.ofSeconds(60));
        stub.refuseWebsockets(true);

        stub.dropAll();

        awaitState(BTC, StreamState.DOWN);
        assertThat(status(BTC).detail()).startsWith("down after 5 failed connects in a row (connect failed: ");
        assertThat(get("/health/ready")).contains("\"exchange-binance-stream\":{\"status\":\"DOWN\"");
        assertThat(scrape()).containsPattern(
                "huracan_exchange_stream_reconnects_total\\{exchange=\"binance\",reason=\"connect_failed\"} [4-9]");

        stub.refuseWebsockets(false);
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
        assertThat(get("/health/ready")).contains("\"exchange-binance-stream\":{\"status\":\"UP\"");
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreWhileAnotherKeepsReceiving() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener other = new RecordingListener();
        try (MarketDataFeed.Subscription second = feed.subscribe(Set.of(ETH), other)) {
            subscription.close();
            int before = listener.tops(ETH).size();

            stub.depthUpdate("ETHUSDT", 2001, 2001, "[[\"2000.05\",\"1.0\"]]", "[]");

            Eventually.until(WAIT, () -> !other.tops(ETH).isEmpty(), () -> "no top for the second subscription");
            assertThat(other.tops(ETH)).extracting(BookTop::bidPrice).containsExactly(2000.05);
            assertThat(listener.tops(ETH)).hasSize(before); // called before the second in the same delivery, had it still listened
            assertThat(stub.upgrades()).isEqualTo(1); // the coin was streamed already: no new connection
        }
    }

    @Test
    void aStaleBookIsResyncedAndTheOtherCoinIsLeftAlone() throws Exception {
        subscribe(Duration.ofMillis(800));
        // ETH moves from the moment its streams are open, BTC never does; the venue's ETH snapshot keeps up with the
        // diffs, as Binance's does, so an ETH diff lost before the subscription took hold only means a newer snapshot
        Thread eth = new Thread(() -> {
            long id = 2000;
            while (!Thread.currentThread().isInterrupted()) {
                id++;
                stub.depth("ETHUSDT", id, ETH_BIDS, ETH_ASKS);
                stub.depthUpdate("ETHUSDT", id, id, "[[\"1999.90\",\"4.00000000\"]]", "[]");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "eth-diffs");
        eth.start();
        try {
            awaitState(ETH, StreamState.LIVE);
            int ethSnapshots = stub.depthRequests("ETHUSDT");
            // two stale resyncs of BTC, each fetching a snapshot after the first one
            Eventually.until(WAIT, () -> status(BTC).resyncs() >= 2 && stub.depthRequests("BTCUSDT") >= 3,
                    () -> feed.statuses() + ", " + stub.depthRequests("BTCUSDT") + " BTC snapshots");

            assertThat(stub.depthRequests("ETHUSDT")).isEqualTo(ethSnapshots);
            assertThat(status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::resyncs)
                    .containsExactly(StreamState.LIVE, 0L);
            assertThat(scrape()).containsPattern("huracan_exchange_stream_stale_total\\{exchange=\"binance\"} [2-9]")
                    .containsPattern("huracan_exchange_stream_resyncs_total\\{exchange=\"binance\",reason=\"stale\"} [2-9]")
                    .contains("huracan_exchange_stream_reconnects_total{exchange=\"binance\",reason=\"silent\"} 0.0");
        } finally {
            eth.interrupt();
            eth.join();
        }
    }

    private String scrape() throws Exception {
        return get("/metrics");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
