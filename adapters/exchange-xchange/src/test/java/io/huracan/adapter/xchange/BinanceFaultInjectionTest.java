package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Binance through XChange when the venue or the network misbehaves: no duplicate order, bounded retries, clear errors. */
class BinanceFaultInjectionTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final String ORDER = "/api/v3/order";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:10Z"));
    private final List<ExecutionReport> reports = new ArrayList<>();
    private BinanceStub stub;
    private XChangeExchangeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        stub = new BinanceStub();
        gateway = BinanceVenues.gateway(stub, clock);
        gateway.addExecutionListener(reports::add);
    }

    @AfterEach
    void stop() throws IOException {
        stub.close();
    }

    @Test
    void aConnectionResetAfterTheVenueAcceptedAnOrderIsResolvedByQueryingItsIdNotBySendingAgain() {
        stub.inject("POST", ORDER, new BinanceStub.Fault.ProcessThenDisconnect());

        ExecutionReport report = gateway.place(BinanceVenues.restingBuy("reset-1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(1);
        assertThat(stub.count("GET", ORDER)).isEqualTo(1);
        assertThat(gateway.openOrders(ExchangeId.BINANCE)).extracting(r -> r.clientOrderId().value())
                .containsExactly("reset-1");
    }

    @Test
    void aReadTimeoutAfterTheVenueAcceptedAnOrderIsResolvedByQueryingItsId() {
        stub.inject("POST", ORDER, new BinanceStub.Fault.ProcessThenStall(2_500));

        ExecutionReport report = gateway.place(BinanceVenues.restingBuy("timeout-1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(1);
        assertThat(reports).extracting(ExecutionReport::status).containsExactly(OrderStatus.NEW);
    }

    @Test
    void anUnreadableAnswerToAnOrderIsAmbiguousAndResolvedByQuery() {
        stub.inject("POST", ORDER, new BinanceStub.Fault.ProcessThenRespond(json(200, "{\"symbol\":\"BTCUSDT\",\"orderId\":")));

        ExecutionReport report = gateway.place(BinanceVenues.restingBuy("garbled-1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(1);
    }

    @Test
    void aServerErrorBeforeTheVenueActedIsSentAgainOnlyAfterTheVenueSaysItDoesNotKnowTheId() {
        stub.inject("POST", ORDER, new BinanceStub.Fault.Respond(json(503, "<html>Service Unavailable</html>")));

        ExecutionReport report = gateway.place(BinanceVenues.restingBuy("busy-1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(2);
        assertThat(stub.count("GET", ORDER)).isEqualTo(1);
        assertThat(gateway.openOrders(ExchangeId.BINANCE)).hasSize(1);
    }

    @Test
    void placingAnIdAgainAfterEveryAttemptFailedAsksTheVenueFirst() {
        XChangeExchangeGateway patientBreaker = BinanceVenues.gateway(BinanceVenues.config(stub, 3, 10), clock);
        stub.inject("POST", ORDER, new BinanceStub.Fault.ProcessThenDisconnect());
        for (int i = 0; i < 4; i++) {
            stub.inject("GET", ORDER, new BinanceStub.Fault.Respond(json(502, "bad gateway")));
        }
        Order order = BinanceVenues.restingBuy("storm-1");

        assertThatThrownBy(() -> patientBreaker.place(order)).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
            assertThat(e.getMessage()).contains("storm-1").contains("outcome unknown");
        });
        int posts = stub.count("POST", ORDER);
        ExecutionReport later = patientBreaker.place(order);

        assertThat(posts).isEqualTo(1);
        assertThat(stub.count("POST", ORDER)).isEqualTo(1);
        assertThat(later.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aPartialFillThenADroppedConnectionIsReportedOnceTheQueryGetsThrough() {
        Order order = BinanceVenues.restingBuy("partial-1");
        gateway.place(order);
        stub.fillResting("partial-1", new BigDecimal("0.00010"));
        stub.inject("GET", ORDER, new BinanceStub.Fault.ProcessThenDisconnect());

        ExecutionReport report = gateway.query(BTC, ExchangeId.BINANCE, order.clientOrderId()).orElseThrow();

        assertThat(report.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(report.filledQuantity()).isEqualTo(Quantity.of("0.0001"));
        assertThat(report.filledNotional()).isEqualByComparingTo("2.7"); // 0.0001 x 27000.00
        assertThat(stub.count("GET", ORDER)).isEqualTo(2);
        assertThat(reports).extracting(ExecutionReport::status)
                .containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void a429PausesTheVenueForItsRetryAfterWithoutSendingAnything() {
        stub.inject("GET", "/api/v3/depth", new BinanceStub.Fault.Respond(json(429,
                "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}")
                .newBuilder().addHeader("Retry-After", "7").build()));

        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BINANCE, 5))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
                    assertThat(e.getMessage()).contains("back off until 2026-11-24T06:00:17Z");
                });
        assertThat(stub.count("GET", "/api/v3/depth")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(7));
        assertThat(gateway.orderBook(BTC, ExchangeId.BINANCE, 5).asks()).isNotEmpty();
        assertThat(stub.count("GET", "/api/v3/depth")).isEqualTo(2);
    }

    @Test
    void a418BanStopsEveryCallToTheVenueUntilTheBanEnds() {
        gateway.instruments();
        stub.inject("GET", "/api/v3/depth", new BinanceStub.Fault.Respond(new MockResponse.Builder().code(418)
                .addHeader("Retry-After", "120").build()));
        int before = totalRequests();

        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BINANCE, 5)).isInstanceOf(ExchangeException.class);
        assertThatThrownBy(() -> gateway.place(BinanceVenues.restingBuy("banned-1")))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.getMessage()).contains("banned"));
        assertThatThrownBy(() -> gateway.balances(ExchangeId.BINANCE)).isInstanceOf(ExchangeException.class);

        assertThat(totalRequests()).isEqualTo(before + 1);
        assertThat(gateway.health()).singleElement().satisfies(h -> {
            assertThat(h.banned()).isTrue();
            assertThat(h.pausedUntil()).isEqualTo(Instant.parse("2026-11-24T06:02:10Z"));
        });
        clock.advance(Duration.ofSeconds(120));
        assertThat(gateway.balances(ExchangeId.BINANCE)).isNotEmpty();
        assertThat(gateway.health().get(0).banned()).isFalse();
    }

    @Test
    void theVenuesOwnWeightCountCorrectsOursAndAnExhaustedBudgetSendsNothing() {
        gateway.instruments();
        stub.reportUsedWeight(5_996); // other clients on this IP used most of the minute
        assertThat(gateway.query(BTC, ExchangeId.BINANCE, new ClientOrderId("never-sent"))).isEmpty(); // -2013

        assertThat(gateway.health().get(0).headroom()).isCloseTo(4 / 6000.0, within(1e-9));
        int depthCalls = stub.count("GET", "/api/v3/depth");
        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BINANCE, 5)) // weight 5 more would pass 6000
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
                    assertThat(e.getMessage()).contains("request budget is spent");
                });
        assertThat(stub.count("GET", "/api/v3/depth")).isEqualTo(depthCalls);

        clock.advance(Duration.ofSeconds(50)); // 06:01:00, a new minute window
        assertThat(gateway.orderBook(BTC, ExchangeId.BINANCE, 5).bids()).isNotEmpty();
    }

    @Test
    void theWeightCountOnASuccessfulAnswerCorrectsOursToo() {
        gateway.instruments();
        stub.reportUsedWeight(4_321);

        gateway.orderBook(BTC, ExchangeId.BINANCE, 5);

        assertThat(gateway.health().get(0).headroom()).isCloseTo(1 - 4_321 / 6000.0, within(1e-9));
    }

    @Test
    void malformedJsonOnARead_isRetriedAndBounded() {
        gateway.instruments();
        stub.inject("GET", "/api/v3/depth", new BinanceStub.Fault.Respond(json(200, "{\"lastUpdateId\":1027024,\"bids\":[[")));

        assertThat(gateway.orderBook(BTC, ExchangeId.BINANCE, 5).bids()).hasSize(3);
        assertThat(stub.count("GET", "/api/v3/depth")).isEqualTo(2);

        for (int i = 0; i < 4; i++) {
            stub.inject("GET", "/api/v3/depth", new BinanceStub.Fault.Respond(json(500, "oops")));
        }
        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BINANCE, 5))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.getMessage()).contains("HTTP 500"));
        assertThat(stub.count("GET", "/api/v3/depth")).isEqualTo(2 + 4); // one try and three retries
    }

    @Test
    void theCircuitBreakerOpensAfterRepeatedFailuresAndClosesAgainWhenTheVenueRecovers() throws InterruptedException {
        XChangeExchangeGateway fragile = BinanceVenues.gateway(BinanceVenues.config(stub, 0, 3), clock);
        fragile.instruments();
        for (int i = 0; i < 3; i++) {
            stub.inject("GET", "/api/v3/depth", new BinanceStub.Fault.Respond(json(500, "oops")));
            assertThatThrownBy(() -> fragile.orderBook(BTC, ExchangeId.BINANCE, 5)).isInstanceOf(ExchangeException.class);
        }

        assertThatThrownBy(() -> fragile.orderBook(BTC, ExchangeId.BINANCE, 5))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.getMessage())
                        .contains("circuit breaker is open after 3 failures"));
        assertThat(stub.count("GET", "/api/v3/depth")).isEqualTo(3);
        assertThat(fragile.health().get(0).breaker()).isEqualTo(VenueHealth.Breaker.OPEN);

        Thread.sleep(350);
        assertThat(fragile.orderBook(BTC, ExchangeId.BINANCE, 5).asks()).isNotEmpty();
        assertThat(fragile.health().get(0).breaker()).isEqualTo(VenueHealth.Breaker.CLOSED);
    }

    @Test
    void aRefusedSignatureIsFatalAndTheSecretAppearsNowhere() {
        String wrongSecret = "WrongSecretWrongSecretWrongSecretWrongSecretWrongSecret00000000";
        XChangeVenueConfig config = BinanceVenues.config(stub, wrongSecret, 3, 5);
        XChangeExchangeGateway badKeys = BinanceVenues.gateway(config, clock);

        assertThatThrownBy(() -> badKeys.balances(ExchangeId.BINANCE))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.FATAL);
                    assertThat(e.getMessage()).contains("-1022").contains("check the api key")
                            .doesNotContain(wrongSecret).doesNotContain(BinanceStub.API_KEY);
                });
        assertThat(stub.count("GET", "/api/v3/account")).isEqualTo(1);
        assertThat(config.toString()).doesNotContain(wrongSecret).doesNotContain(BinanceStub.API_KEY);
    }

    @Test
    void anOrderOffTheInstrumentsRulesIsRejectedBeforeAnythingIsSent() {
        Order offTick = new Order(new ClientOrderId("offtick-1"), BTC, ExchangeId.BINANCE, InstrumentKind.SPOT, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, Quantity.of("0.001"), Optional.of(Price.of("27000.005")), false);

        ExecutionReport report = gateway.place(offTick);

        assertThat(report.rejectReason()).contains(RejectReason.TICK_SIZE);
        assertThat(stub.count("POST", ORDER)).isZero();
    }

    @Test
    void aCancelThatLostTheRaceWithAFillReportsTheFill() {
        Order order = BinanceVenues.restingBuy("race-1");
        gateway.place(order);
        stub.fillResting("race-1", new BigDecimal("0.001"));

        ExecutionReport report = gateway.cancel(BTC, ExchangeId.BINANCE, order.clientOrderId());

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledNotional()).isEqualByComparingTo("27"); // 0.001 x 27000.00
        assertThat(stub.count("DELETE", ORDER)).isEqualTo(1);
        assertThat(reports).extracting(ExecutionReport::status).containsExactly(OrderStatus.NEW, OrderStatus.FILLED);
    }

    @Test
    void ordersLeftOnTheVenueByAnEarlierProcessAreFoundAndCanBeCancelled() {
        gateway.place(BinanceVenues.restingBuy("before-restart"));
        XChangeExchangeGateway restarted = BinanceVenues.gateway(stub, clock);

        List<ExecutionReport> open = restarted.openOrders(ExchangeId.BINANCE);

        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId().value()).isEqualTo("before-restart");
            assertThat(r.order().limitPrice()).contains(Price.of("27000"));
            assertThat(r.order().quantity()).isEqualTo(Quantity.of("0.001"));
        });
        assertThat(restarted.cancel(BTC, ExchangeId.BINANCE, new ClientOrderId("before-restart")).status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    private int totalRequests() {
        return stub.count("GET", "/api/v3/depth") + stub.count("GET", "/api/v3/account") + stub.count("POST", ORDER)
                + stub.count("GET", ORDER) + stub.count("GET", "/api/v3/exchangeInfo");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }
}
