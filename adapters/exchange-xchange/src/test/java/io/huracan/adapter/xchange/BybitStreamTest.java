package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.ports.market.Trade;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.huracan.adapter.xchange.StreamFeedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bybit v5 spot streams end to end: our websocket client against a local server speaking Bybit's public websocket
 * protocol (subscribe/unsubscribe ops, snapshot then delta messages on {@code orderbook.50.<symbol>},
 * {@code publicTrade.<symbol>}), payloads as the v5 documentation shows them, the feed, its meters and health wired by
 * the Guice modules and read from the running metrics endpoint.
 */
class BybitStreamTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final Coin ETH = Coin.of("ETH");
    private static final String BTC_BOOK = "orderbook.50.BTCUSDT";
    private static final String ETH_BOOK = "orderbook.50.ETHUSDT";
    private static final String BTC_BIDS = "[[\"16493.50\",\"0.006\"],[\"16493.00\",\"0.100\"]]";
    private static final String BTC_ASKS = "[[\"16611.00\",\"0.029\"],[\"16612.00\",\"0.213\"]]";
    private static final String ETH_BIDS = "[[\"1190.10\",\"2.500\"],[\"1190.00\",\"4.000\"]]";
    private static final String ETH_ASKS = "[[\"1190.20\",\"1.200\"],[\"1190.30\",\"3.000\"]]";

    private BybitStreamStub stub;
    private StreamFeedFixture fixture;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        stub.close();
    }

    /** The stub with BTCUSDT's book at u 18521288 and ETHUSDT's at 5000, the feed subscribed to both and live. */
    private void start(Duration staleAfter) throws Exception {
        stub = new BybitStreamStub();
        stub.book("BTCUSDT", 18521288, BTC_BIDS, BTC_ASKS);
        stub.book("ETHUSDT", 5000, ETH_BIDS, ETH_ASKS);
        fixture = new StreamFeedFixture(venue(), StreamFeedFixture.stream(ExchangeId.BYBIT, stub.streamUrl(), 10, staleAfter),
                Set.of(BTC, ETH));
        fixture.awaitState(BTC, StreamState.LIVE);
        fixture.awaitState(ETH, StreamState.LIVE);
    }

    private XChangeVenueConfig venue() {
        return StubVenues.config(ExchangeId.BYBIT, InstrumentKind.SPOT, stub, "", "", "", 0, 5, StubVenues.PATIENT_READ_TIMEOUT);
    }

    @Test
    void theBookGoesLiveFromItsSubscriptionsSnapshotAndTheDeltasThatFollowIt() throws Exception {
        start(Duration.ofSeconds(60));
        assertThat(stub.sockets()).hasSize(1);
        assertThat(stub.received()).first().isEqualTo("{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"publicTrade.ETHUSDT\"]}");
        assertThat(stub.sockets().get(0).topics()).containsExactlyInAnyOrder(BTC_BOOK, ETH_BOOK, "publicTrade.BTCUSDT",
                "publicTrade.ETHUSDT");
        assertThat(stub.subscribes(BTC_BOOK)).isEqualTo(1);
        fixture.awaitTop(BTC, 16493.50, 0.006, 16611.00, 0.029);
        fixture.awaitTop(ETH, 1190.10, 2.5, 1190.20, 1.2);

        stub.delta("BTCUSDT", 18521288, "[[\"16500.00\",\"9.0\"]]", "[]"); // in the snapshot already: dropped
        stub.delta("BTCUSDT", 18521289, "[[\"16494.00\",\"0.500\"]]", "[]");
        fixture.awaitTop(BTC, 16494.00, 0.5, 16611.00, 0.029);
        stub.delta("BTCUSDT", 18521290, "[]", "[[\"16611.00\",\"0\"]]"); // the best ask goes
        fixture.awaitTop(BTC, 16494.00, 0.5, 16612.00, 0.213);

        // Bybit restarted: a delta with u 1 is a whole book, and so is a message of type snapshot
        stub.delta("BTCUSDT", 1, "[[\"16480.00\",\"1.000\"]]", "[[\"16490.00\",\"2.000\"]]");
        fixture.awaitTop(BTC, 16480.00, 1.0, 16490.00, 2.0);
        stub.delta("BTCUSDT", 2, "[[\"16481.00\",\"0.100\"]]", "[]");
        fixture.awaitTop(BTC, 16481.00, 0.1, 16490.00, 2.0);
        stub.snapshot("BTCUSDT", 40, "[[\"16470.00\",\"3.000\"]]", "[[\"16475.00\",\"4.000\"]]");
        fixture.awaitTop(BTC, 16470.00, 3.0, 16475.00, 4.0);

        stub.trade("BTCUSDT", "Buy", "16578.50", "0.001");
        Eventually.until(WAIT, () -> !fixture.listener.trades.isEmpty(), () -> "no trade");
        assertThat(fixture.listener.trades).extracting(Trade::coin, Trade::exchange, Trade::price, Trade::quantity,
                Trade::aggressor).containsExactly(Tuple.tuple(BTC, ExchangeId.BYBIT, 16578.50, 0.001, Side.BUY));
        assertThat(fixture.status(BTC)).extracting(SymbolStreamStatus::gaps, SymbolStreamStatus::resyncs)
                .containsExactly(0L, 0L);
        assertThat(stub.subscribes(BTC_BOOK)).isEqualTo(1);
        assertThat(fixture.scrape()).contains("huracan_exchange_stream_live{exchange=\"bybit\"} 2.0")
                .containsPattern("huracan_exchange_stream_messages_total\\{exchange=\"bybit\"} [1-9]");
        assertThat(fixture.get("/health/ready")).contains("\"exchange-bybit-stream\":{\"status\":\"UP\",\"reason\":\"bybit streams:");
    }

    @Test
    void aSequenceGapResubscribesOnlyThatCoinsBook() throws Exception {
        start(Duration.ofSeconds(60));
        stub.delta("BTCUSDT", 18521289, "[[\"16494.00\",\"1.000\"]]", "[]");
        fixture.awaitTop(BTC, 16494.00, 1.0, 16611.00, 0.029);
        stub.book("BTCUSDT", 18521300, "[[\"16495.00\",\"2.000\"]]", "[[\"16496.00\",\"1.000\"]]");

        stub.delta("BTCUSDT", 18521295, "[[\"16494.50\",\"1.000\"]]", "[]"); // 18521290..18521294 missed
        stub.delta("ETHUSDT", 5001, "[[\"1190.15\",\"1.000\"]]", "[]");

        fixture.awaitTop(BTC, 16495.00, 2.0, 16496.00, 1.0);
        fixture.awaitTop(ETH, 1190.15, 1.0, 1190.20, 1.2);
        assertThat(fixture.status(BTC)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::gaps,
                SymbolStreamStatus::resyncs).containsExactly(StreamState.LIVE, 1L, 1L);
        assertThat(fixture.status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::gaps,
                SymbolStreamStatus::resyncs).containsExactly(StreamState.LIVE, 0L, 0L);
        assertThat(stub.received()).contains("{\"op\":\"unsubscribe\",\"args\":[\"" + BTC_BOOK + "\"]}")
                .doesNotContain("{\"op\":\"unsubscribe\",\"args\":[\"" + ETH_BOOK + "\"]}");
        assertThat(stub.subscribes(BTC_BOOK)).isEqualTo(2);
        assertThat(stub.subscribes(ETH_BOOK)).isEqualTo(1);
        assertThat(fixture.scrape()).as("the connection was never lost").doesNotContainPattern(
                "huracan_exchange_stream_reconnects_total\\{exchange=\"bybit\",reason=\"(closed|error|silent)\"} [1-9]");
        stub.delta("BTCUSDT", 18521301, "[]", "[[\"16495.50\",\"0.300\"]]"); // in sequence after the new snapshot
        fixture.awaitTop(BTC, 16495.00, 2.0, 16495.50, 0.3);
        assertThat(fixture.scrape()).contains("huracan_exchange_stream_gaps_total{exchange=\"bybit\"} 1.0")
                .contains("huracan_exchange_stream_resyncs_total{exchange=\"bybit\",reason=\"gap\"} 1.0");
    }

    @Test
    void aDroppedConnectionIsReopenedWithTheSameTopicsAndTheBooksComeBackLive() throws Exception {
        start(Duration.ofSeconds(60));
        Set<String> topics = Set.copyOf(stub.sockets().get(0).topics());
        int upgrades = stub.upgrades();

        stub.dropAll();

        Eventually.until(WAIT, () -> stub.upgrades() == upgrades + 1 && stub.openSockets() == 1
                && stub.sockets().get(0).topics().size() == 4, () -> stub.upgrades() + " upgrades");
        fixture.awaitState(BTC, StreamState.LIVE);
        fixture.awaitState(ETH, StreamState.LIVE);
        assertThat(stub.sockets().get(0).topics()).isEqualTo(topics);
        assertThat(stub.subscribes(BTC_BOOK)).isEqualTo(2);
        stub.delta("BTCUSDT", 18521289, "[[\"16494.00\",\"1.000\"]]", "[]");
        fixture.awaitTop(BTC, 16494.00, 1.0, 16611.00, 0.029);
        assertThat(fixture.scrape())
                .containsPattern("huracan_exchange_stream_reconnects_total\\{exchange=\"bybit\",reason=\"(closed|error)\"} 1.0")
                .contains("huracan_exchange_stream_resyncs_total{exchange=\"bybit\",reason=\"reconnect\"} 2.0");
        assertThat(fixture.status(BTC).resyncs()).isEqualTo(1);
    }

    @Test
    void aConnectionTheVenueClosesIsReopenedToo() throws Exception {
        start(Duration.ofSeconds(60));
        int upgrades = stub.upgrades();

        stub.closeAll(1001, "going away");

        Eventually.until(WAIT, () -> stub.upgrades() == upgrades + 1 && stub.openSockets() == 1
                && stub.sockets().get(0).topics().size() == 4, () -> stub.upgrades() + " upgrades");
        fixture.awaitState(BTC, StreamState.LIVE);
        fixture.awaitState(ETH, StreamState.LIVE);
        assertThat(fixture.scrape()).contains("huracan_exchange_stream_reconnects_total{exchange=\"bybit\",reason=\"closed\"} 1.0");
    }

    @Test
    void aStaleBookIsResubscribedAndTheOtherCoinIsLeftAlone() throws Exception {
        start(Duration.ofMillis(800));
        long u = 5001;
        long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        while (System.nanoTime() < until) { // ETH moves, BTC does not
            stub.delta("ETHUSDT", u, "[[\"1190.00\",\"" + (u % 5 + 1) + ".0\"]]", "[]");
            u++;
            Thread.sleep(50);
        }

        assertThat(stub.subscribes(BTC_BOOK)).isGreaterThanOrEqualTo(2);
        assertThat(stub.subscribes(ETH_BOOK)).isEqualTo(1);
        assertThat(fixture.status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::resyncs)
                .containsExactly(StreamState.LIVE, 0L);
        assertThat(fixture.status(BTC).resyncs()).isPositive();
        assertThat(fixture.scrape()).as("the connection was never lost").doesNotContainPattern(
                "huracan_exchange_stream_reconnects_total\\{exchange=\"bybit\",reason=\"(closed|error|silent)\"} [1-9]");
        assertThat(fixture.scrape()).containsPattern("huracan_exchange_stream_stale_total\\{exchange=\"bybit\"} [1-9]")
                .containsPattern("huracan_exchange_stream_resyncs_total\\{exchange=\"bybit\",reason=\"stale\"} [1-9]");
    }

    @Test
    void linearPerpetualsStreamTheSameTopicsOnTheLinearEndpoint() throws Exception {
        stub = new BybitStreamStub("linear");
        stub.book("BTCUSDT", 300, "[[\"30000.10\",\"1.250\"]]", "[[\"30000.20\",\"0.500\"]]");
        fixture = new StreamFeedFixture(StubVenues.config(ExchangeId.BYBIT, InstrumentKind.PERPETUAL, stub, "", "", "", 0, 5,
                StubVenues.PATIENT_READ_TIMEOUT), StreamFeedFixture.stream(ExchangeId.BYBIT, stub.streamUrl(), 10,
                Duration.ofSeconds(60)), Set.of(BTC));
        fixture.awaitTop(BTC, 30000.10, 1.25, 30000.20, 0.5);
        stub.delta("BTCUSDT", 301, "[]", "[[\"30000.15\",\"0.010\"]]");
        fixture.awaitTop(BTC, 30000.10, 1.25, 30000.15, 0.01);
        stub.trade("BTCUSDT", "Sell", "30000.10", "0.250");
        Eventually.until(WAIT, () -> !fixture.listener.trades.isEmpty(), () -> "no trade");
        assertThat(fixture.listener.trades).extracting(Trade::quantity, Trade::aggressor).containsExactly(Tuple.tuple(0.25, Side.SELL));
        assertThat(stub.sockets().get(0).topics()).containsExactlyInAnyOrder(BTC_BOOK, "publicTrade.BTCUSDT");
    }

    @Test
    void theConnectionPingsAsBybitAsksAndTheDocumentedPongDoesNotEndIt() throws Exception {
        stub = new BybitStreamStub();
        BybitClient client = new BybitClient(venue(), Clock.systemUTC());
        client.loadInstruments();
        BybitStreamVenue venue = new BybitStreamVenue(client, StreamFeedFixture.stream(ExchangeId.BYBIT, stub.streamUrl(),
                10, Duration.ofSeconds(60)), Duration.ofMillis(100));
        LossRecordingSink sink = new LossRecordingSink();
        try (StreamConnection connection = venue.open(List.of(BTC), sink, Duration.ofSeconds(5))) {
            Eventually.until(WAIT, () -> stub.pings() >= 3, () -> stub.received().toString());
            assertThat(stub.received()).contains("{\"op\":\"ping\"}");
            assertThat(sink.lost).isEmpty();
        }
    }
}
