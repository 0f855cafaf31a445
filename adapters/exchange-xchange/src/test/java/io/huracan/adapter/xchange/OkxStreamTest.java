package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OKX v5 public streams end to end: our websocket client against a local server speaking OKX's public websocket
 * protocol (subscribe/unsubscribe ops, {@code books} snapshot then updates chained by prevSeqId/seqId, {@code trades},
 * text ping/pong), payloads as the v5 documentation shows them, the feed, its meters and health wired by the Guice
 * modules and read from the running metrics endpoint.
 */
class OkxStreamTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final Coin ETH = Coin.of("ETH");
    private static final String BTC_BOOK = OkxStreamStub.topic("books", "BTC-USDT");
    private static final String ETH_BOOK = OkxStreamStub.topic("books", "ETH-USDT");
    private static final String BTC_BIDS = "[[\"8476.97\",\"256\",\"0\",\"12\"],[\"8475.55\",\"101\",\"0\",\"1\"]]";
    private static final String BTC_ASKS = "[[\"8476.98\",\"415\",\"0\",\"13\"],[\"8477\",\"7\",\"0\",\"2\"]]";
    private static final String ETH_BIDS = "[[\"2000.10\",\"3.5\",\"0\",\"4\"],[\"2000.00\",\"10\",\"0\",\"7\"]]";
    private static final String ETH_ASKS = "[[\"2000.20\",\"1.25\",\"0\",\"2\"],[\"2000.30\",\"6\",\"0\",\"3\"]]";

    private OkxStreamStub stub;
    private StreamFeedFixture fixture;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        stub.close();
    }

    /** The stub with BTC-USDT's book at seqId 123456 and ETH-USDT's at 7000, the feed subscribed to both and live. */
    private void start(Duration staleAfter) throws Exception {
        stub = new OkxStreamStub();
        stub.book("BTC-USDT", 123456, BTC_BIDS, BTC_ASKS);
        stub.book("ETH-USDT", 7000, ETH_BIDS, ETH_ASKS);
        fixture = new StreamFeedFixture(venue(InstrumentKind.SPOT),
                StreamFeedFixture.stream(ExchangeId.OKX, stub.streamUrl(), 10, staleAfter), Set.of(BTC, ETH));
        fixture.awaitState(BTC, StreamState.LIVE);
        fixture.awaitState(ETH, StreamState.LIVE);
    }

    private XChangeVenueConfig venue(InstrumentKind market) {
        return StubVenues.config(ExchangeId.OKX, market, stub, "", "", "", 0, 5, StubVenues.PATIENT_READ_TIMEOUT);
    }

    @Test
    void theBookGoesLiveFromItsSubscriptionsSnapshotAndTheUpdatesChainedToIt() throws Exception {
        start(Duration.ofSeconds(60));
        assertThat(stub.sockets()).hasSize(1);
        assertThat(stub.received()).first().isEqualTo("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\","
                + "\"instId\":\"BTC-USDT\"},{\"channel\":\"trades\",\"instId\":\"ETH-USDT\"}]}");
        assertThat(stub.sockets().get(0).topics()).containsExactlyInAnyOrder(BTC_BOOK, ETH_BOOK, "trades:BTC-USDT",
                "trades:ETH-USDT");
        fixture.awaitTop(BTC, 8476.97, 256, 8476.98, 415);
        fixture.awaitTop(ETH, 2000.10, 3.5, 2000.20, 1.25);

        stub.update("BTC-USDT", 123400, 123456, "[[\"8480\",\"9\",\"0\",\"1\"]]", "[]"); // in the snapshot already: dropped
        stub.update("BTC-USDT", 123456, 123470, "[[\"8476.97\",\"100\",\"0\",\"8\"]]", "[]"); // ids need not be consecutive
        fixture.awaitTop(BTC, 8476.97, 100, 8476.98, 415);
        stub.update("BTC-USDT", 123470, 123470, "[]", "[]"); // the documented keepalive: same seqId, no levels
        stub.update("BTC-USDT", 123470, 123471, "[]", "[[\"8476.98\",\"0\",\"0\",\"0\"]]"); // the best ask goes
        fixture.awaitTop(BTC, 8476.97, 100, 8477, 7);
        stub.update("BTC-USDT", 123471, 15, "[[\"8476.99\",\"1\",\"0\",\"1\"]]", "[]"); // after maintenance: seqId reset
        fixture.awaitTop(BTC, 8476.99, 1, 8477, 7);
        stub.update("BTC-USDT", 15, 16, "[[\"8476.99\",\"2\",\"0\",\"1\"]]", "[]");
        fixture.awaitTop(BTC, 8476.99, 2, 8477, 7);

        stub.trade("BTC-USDT", "sell", "8476.97", "0.12060306");
        Eventually.until(WAIT, () -> !fixture.listener.trades.isEmpty(), () -> "no trade");
        assertThat(fixture.listener.trades).extracting(Trade::coin, Trade::exchange, Trade::price, Trade::quantity,
                Trade::aggressor).containsExactly(Tuple.tuple(BTC, ExchangeId.OKX, 8476.97, 0.12060306, Side.SELL));
        assertThat(fixture.status(BTC)).extracting(SymbolStreamStatus::gaps, SymbolStreamStatus::resyncs)
                .containsExactly(0L, 0L);
        assertThat(stub.subscribes(BTC_BOOK)).isEqualTo(1);
        assertThat(fixture.scrape()).contains("huracan_exchange_stream_live{exchange=\"okx\"} 2.0")
                .containsPattern("huracan_exchange_stream_messages_total\\{exchange=\"okx\"} [1-9]");
        assertThat(fixture.get("/health/ready")).contains("\"exchange-okx-stream\":{\"status\":\"UP\",\"reason\":\"okx streams:");
    }

    @Test
    void aSequenceGapResubscribesOnlyThatCoinsBook() throws Exception {
        start(Duration.ofSeconds(60));
        stub.update("BTC-USDT", 123456, 123460, "[[\"8476.97\",\"1\",\"0\",\"1\"]]", "[]");
        fixture.awaitTop(BTC, 8476.97, 1, 8476.98, 415);
        stub.book("BTC-USDT", 123500, "[[\"8477.10\",\"2\",\"0\",\"1\"]]", "[[\"8477.20\",\"3\",\"0\",\"1\"]]");

        stub.update("BTC-USDT", 123480, 123490, "[[\"8476.50\",\"1\",\"0\",\"1\"]]", "[]"); // 123460..123480 missed
        stub.update("ETH-USDT", 7000, 7003, "[[\"2000.15\",\"1\",\"0\",\"1\"]]", "[]");

        fixture.awaitTop(BTC, 8477.10, 2, 8477.20, 3);
        fixture.awaitTop(ETH, 2000.15, 1, 2000.20, 1.25);
        assertThat(fixture.status(BTC)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::gaps,
                SymbolStreamStatus::resyncs).containsExactly(StreamState.LIVE, 1L, 1L);
        assertThat(fixture.status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::gaps,
                SymbolStreamStatus::resyncs).containsExactly(StreamState.LIVE, 0L, 0L);
        assertThat(stub.received()).contains("{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}")
                .doesNotContain("{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"ETH-USDT\"}]}");
        assertThat(stub.subscribes(BTC_BOOK)).isEqualTo(2);
        assertThat(stub.subscribes(ETH_BOOK)).isEqualTo(1);
        assertThat(fixture.scrape()).as("the connection was never lost").doesNotContainPattern(
                "huracan_exchange_stream_reconnects_total\\{exchange=\"okx\",reason=\"(closed|error|silent)\"} [1-9]");
        stub.update("BTC-USDT", 123500, 123501, "[]", "[[\"8477.15\",\"4\",\"0\",\"1\"]]"); // chained to the new snapshot
        fixture.awaitTop(BTC, 8477.10, 2, 8477.15, 4);
        assertThat(fixture.scrape()).contains("huracan_exchange_stream_gaps_total{exchange=\"okx\"} 1.0")
                .contains("huracan_exchange_stream_resyncs_total{exchange=\"okx\",reason=\"gap\"} 1.0");
    }

    @Test
    void aDroppedConnectionIsReopenedWithTheSameChannelsAndTheBooksComeBackLive() throws Exception {
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
        stub.update("BTC-USDT", 123456, 123457, "[[\"8476.97\",\"5\",\"0\",\"1\"]]", "[]");
        fixture.awaitTop(BTC, 8476.97, 5, 8476.98, 415);
        assertThat(fixture.scrape())
                .containsPattern("huracan_exchange_stream_reconnects_total\\{exchange=\"okx\",reason=\"(closed|error)\"} 1.0")
                .contains("huracan_exchange_stream_resyncs_total{exchange=\"okx\",reason=\"reconnect\"} 2.0");
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
        assertThat(fixture.scrape()).contains("huracan_exchange_stream_reconnects_total{exchange=\"okx\",reason=\"closed\"} 1.0");
    }

    @Test
    void aStaleBookIsResubscribedAndTheOtherCoinIsLeftAlone() throws Exception {
        start(Duration.ofMillis(800));
        long seqId = 7000;
        long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        while (System.nanoTime() < until) { // ETH moves, BTC does not
            stub.update("ETH-USDT", seqId, seqId + 2, "[[\"2000.00\",\"" + (seqId % 5 + 1) + "\",\"0\",\"1\"]]", "[]");
            seqId += 2;
            Thread.sleep(50);
        }

        assertThat(stub.subscribes(BTC_BOOK)).isGreaterThanOrEqualTo(2);
        assertThat(stub.subscribes(ETH_BOOK)).isEqualTo(1);
        assertThat(fixture.status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::resyncs)
                .containsExactly(StreamState.LIVE, 0L);
        assertThat(fixture.status(BTC).resyncs()).isPositive();
        assertThat(fixture.scrape()).as("the connection was never lost").doesNotContainPattern(
                "huracan_exchange_stream_reconnects_total\\{exchange=\"okx\",reason=\"(closed|error|silent)\"} [1-9]");
        assertThat(fixture.scrape()).containsPattern("huracan_exchange_stream_stale_total\\{exchange=\"okx\"} [1-9]")
                .containsPattern("huracan_exchange_stream_resyncs_total\\{exchange=\"okx\",reason=\"stale\"} [1-9]");
    }

    @Test
    void swapSizesAreContractsTurnedIntoCoins() throws Exception {
        stub = new OkxStreamStub();
        stub.book("BTC-USDT-SWAP", 900, "[[\"30000.1\",\"415\",\"0\",\"13\"]]", "[[\"30000.2\",\"7\",\"0\",\"2\"]]");
        fixture = new StreamFeedFixture(venue(InstrumentKind.PERPETUAL),
                StreamFeedFixture.stream(ExchangeId.OKX, stub.streamUrl(), 10, Duration.ofSeconds(60)), Set.of(BTC));
        fixture.awaitTop(BTC, 30000.1, 4.15, 30000.2, 0.07); // ctVal 0.01 BTC

        stub.trade("BTC-USDT-SWAP", "buy", "30000.2", "12");
        Eventually.until(WAIT, () -> !fixture.listener.trades.isEmpty(), () -> "no trade");
        assertThat(fixture.listener.trades).extracting(Trade::quantity, Trade::aggressor).containsExactly(Tuple.tuple(0.12, Side.BUY));
        assertThat(stub.sockets().get(0).topics()).containsExactlyInAnyOrder("books:BTC-USDT-SWAP", "trades:BTC-USDT-SWAP");
    }

    @Test
    void theConnectionPingsWhenIdleAndTheDocumentedPongDoesNotEndIt() throws Exception {
        stub = new OkxStreamStub();
        OkxClient client = new OkxClient(venue(InstrumentKind.SPOT), Clock.systemUTC());
        client.loadInstruments();
        OkxStreamVenue venue = new OkxStreamVenue(client, StreamFeedFixture.stream(ExchangeId.OKX, stub.streamUrl(), 10,
                Duration.ofSeconds(60)), Duration.ofMillis(100));
        LossRecordingSink sink = new LossRecordingSink();
        try (StreamConnection connection = venue.open(List.of(BTC), sink, Duration.ofSeconds(5))) {
            Eventually.until(WAIT, () -> stub.pings() >= 3, () -> stub.received().toString());
            assertThat(sink.lost).isEmpty();
        }
    }

    @Test
    void aConnectionSendsAtMost480SubscribeRequestsAnHourAndRefusesTheNextWithoutSendingIt() throws Exception {
        stub = new OkxStreamStub();
        stub.book("BTC-USDT", 123456, BTC_BIDS, BTC_ASKS);
        OkxClient client = new OkxClient(venue(InstrumentKind.SPOT), Clock.systemUTC());
        client.loadInstruments();
        OkxStreamVenue venue = new OkxStreamVenue(client, StreamFeedFixture.stream(ExchangeId.OKX, stub.streamUrl(), 10,
                Duration.ofSeconds(60)));
        try (StreamConnection connection = venue.open(List.of(BTC), new LossRecordingSink(), Duration.ofSeconds(5))) {
            connection.resync(BTC); // the trades subscribe and this one: 2
            for (int i = 0; i < 239; i++) {
                connection.resync(BTC); // an unsubscribe and a subscribe each: 478 more
            }
            assertThatThrownBy(() -> connection.resync(BTC)).isInstanceOf(ExchangeException.class)
                    .hasMessageContaining("subscribe requests of the connection").hasMessageContaining("no request sent");
            Eventually.until(WAIT, () -> stub.received().size() == 480, () -> stub.received().size() + " frames");
            Thread.sleep(100);
            assertThat(stub.received()).hasSize(480);
        }
    }

    @Test
    void anErrorEventEndsTheConnectionWithOkxsCodeAndMessage() throws Exception {
        stub = new OkxStreamStub();
        OkxClient client = new OkxClient(venue(InstrumentKind.SPOT), Clock.systemUTC());
        client.loadInstruments();
        OkxStreamVenue venue = new OkxStreamVenue(client, StreamFeedFixture.stream(ExchangeId.OKX, stub.streamUrl(), 10,
                Duration.ofSeconds(60)));
        LossRecordingSink sink = new LossRecordingSink();
        try (StreamConnection connection = venue.open(List.of(BTC), sink, Duration.ofSeconds(5))) {
            Eventually.until(WAIT, () -> stub.openSockets() == 1, () -> "no socket");
            stub.sockets().get(0).send("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request: {\\\"op\\\": "
                    + "\\\"subscribe\\\"}\",\"connId\":\"a4d3ae55\"}");
            Eventually.until(WAIT, () -> !sink.lost.isEmpty(), () -> "not lost");
            assertThat(sink.lost).singleElement().asString().contains("okx refused a request: 60012 Invalid request");
        }
    }
}
