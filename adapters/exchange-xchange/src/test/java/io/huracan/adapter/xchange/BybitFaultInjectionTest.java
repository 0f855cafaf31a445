package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
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

import static io.huracan.adapter.xchange.StubVenue.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Bybit through XChange when the venue or the network misbehaves: no duplicate order, bounded retries, clear errors. */
class BybitFaultInjectionTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final String CREATE = "/v5/order/create";
    private static final String REALTIME = "/v5/order/realtime";
    private static final String BOOK = "/v5/market/orderbook";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:10Z"));
    private final List<ExecutionReport> reports = new ArrayList<>();
    private BybitStub stub;
    private XChangeExchangeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        stub = new BybitStub();
        gateway = BybitVenues.gateway(stub, InstrumentKind.SPOT, clock);
        gateway.addExecutionListener(reports::add);
    }

    @AfterEach
    void stop() throws IOException {
        stub.close();
    }

    @Test
    void aConnectionResetAfterBybitAcceptedAnOrderIsResolvedByQueryingItsOrderLinkIdNotBySendingAgain() {
        stub.inject("POST", CREATE, new StubVenue.Fault.ProcessThenDisconnect());

        ExecutionReport report = gateway.place(restingBuy("reset-1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", CREATE)).isEqualTo(1);
        assertThat(gateway.openOrders(ExchangeId.BYBIT)).extracting(r -> r.clientOrderId().value()).containsExactly("reset-1");
    }

    @Test
    void aReadTimeoutOnAnOrderIsResolvedByQueryingIt() {
        stub.inject("POST", CREATE, new StubVenue.Fault.ProcessThenStall(2_500));

        assertThat(gateway.place(restingBuy("timeout-1")).status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", CREATE)).isEqualTo(1);
        assertThat(reports).extracting(ExecutionReport::status).containsExactly(OrderStatus.NEW);
    }

    @Test
    void anUnreadableAnswerToAnOrderIsAmbiguousAndResolvedByQuery() {
        stub.inject("POST", CREATE, new StubVenue.Fault.ProcessThenRespond(json(200, "{\"retCode\":0,\"result\":{\"orde")));

        assertThat(gateway.place(restingBuy("garbled-1")).status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", CREATE)).isEqualTo(1);
    }

    @Test
    void aServerErrorBeforeBybitActedIsSentAgainOnlyAfterBybitSaysItDoesNotKnowTheOrderLinkId() {
        stub.inject("POST", CREATE, new StubVenue.Fault.Respond(json(502, "<html>502 Bad Gateway</html>")));

        ExecutionReport report = gateway.place(restingBuy("busy-1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", CREATE)).isEqualTo(2);
        assertThat(stub.count("GET", "/v5/order/history")).isEqualTo(1); // realtime and history both said unknown
        assertThat(gateway.openOrders(ExchangeId.BYBIT)).hasSize(1);
    }

    @Test
    void afterABybitRestartAClosedOrderIsFoundInTheHistoryAndNotPlacedAgain() {
        Order order = restingBuy("closed-1");
        gateway.place(order);
        gateway.cancel(BTC, ExchangeId.BYBIT, order.clientOrderId());
        stub.forgetClosedOrdersInRealtime();
        XChangeExchangeGateway restarted = BybitVenues.gateway(stub, InstrumentKind.SPOT, clock);
        XChangeExchangeGateway forgetful = BybitVenues.gateway(stub, InstrumentKind.SPOT, clock);

        assertThat(restarted.query(BTC, ExchangeId.BYBIT, order.clientOrderId())).map(ExecutionReport::status)
                .contains(OrderStatus.CANCELLED);
        // an engine that lost its records places the id again: 170141, then found in the history, not in realtime
        assertThat(forgetful.place(order).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stub.count("GET", "/v5/order/history")).isEqualTo(2);
        assertThat(forgetful.openOrders(ExchangeId.BYBIT)).isEmpty();
    }

    @Test
    void anOrderBybitAlreadyHasIsReportedNotPlacedTwice() {
        gateway.place(restingBuy("twice-1"));
        XChangeExchangeGateway restarted = BybitVenues.gateway(stub, InstrumentKind.SPOT, clock);

        // a restarted engine that lost its records sends the id again: 170141 Duplicate clientOrderId
        ExecutionReport again = restarted.place(restingBuy("twice-1"));

        assertThat(again.status()).isEqualTo(OrderStatus.NEW);
        assertThat(restarted.openOrders(ExchangeId.BYBIT)).hasSize(1);
    }

    @Test
    void aPartialFillThenADroppedConnectionIsReportedAsAFillOnceTheQueryGetsThrough() {
        Order order = restingBuy("partial-1");
        gateway.place(order);
        stub.fillResting("partial-1", new BigDecimal("0.0004"));
        stub.inject("GET", REALTIME, new StubVenue.Fault.ProcessThenDisconnect());

        ExecutionReport report = gateway.query(BTC, ExchangeId.BYBIT, order.clientOrderId()).orElseThrow();

        assertThat(report.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(report.filledNotional()).isEqualByComparingTo("10.8"); // 0.0004 x 27000
        Fill fill = report.lastFill().orElseThrow();
        assertThat(fill.quantity()).isEqualTo(Quantity.of("0.0004"));
        assertThat(fill.price()).isEqualTo(Price.of("27000"));
        assertThat(fill.feeQuote().doubleValue()).isCloseTo(10.8 * 0.0001, within(1e-9)); // maker, paid in BTC
        assertThat(reports).extracting(ExecutionReport::status)
                .containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void a10006PausesBybitWithoutSendingAnything() {
        gateway.instruments();
        stub.inject("POST", CREATE, new StubVenue.Fault.Respond(BybitStub.refuse(10006, "Too many visits!")));

        assertThatThrownBy(() -> gateway.place(restingBuy("visits-1"))).isInstanceOfSatisfying(ExchangeException.class,
                e -> {
                    assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
                    assertThat(e.getMessage()).contains("visits-1").contains("10006 Too many visits!")
                            .contains("outcome unknown").contains("asked to back off");
                });
        int creates = stub.count("POST", CREATE);
        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BYBIT, 5))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.getMessage()).contains("back off"));

        clock.advance(Duration.ofSeconds(1));
        assertThat(gateway.place(restingBuy("visits-1")).status()).isEqualTo(OrderStatus.NEW);
        assertThat(creates).isEqualTo(1);
        assertThat(stub.count("POST", CREATE)).isEqualTo(2); // asked by orderLinkId first: unknown, so sent once more
    }

    @Test
    void aRetryAfterOnA429IsHonoured() {
        gateway.instruments();
        stub.inject("GET", BOOK, new StubVenue.Fault.Respond(new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "7").body("Too Many Requests").build()));

        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BYBIT, 5)).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.getMessage()).contains("back off until 2026-11-24T06:00:17Z"));
        clock.advance(Duration.ofSeconds(7));
        assertThat(gateway.orderBook(BTC, ExchangeId.BYBIT, 5).bids()).hasSize(3);
        assertThat(stub.count("GET", BOOK)).isEqualTo(2);
    }

    @Test
    void a403BanStopsEveryCallToBybitForTenMinutes() {
        gateway.instruments();
        stub.inject("GET", BOOK, new StubVenue.Fault.Respond(new MockResponse.Builder().code(403)
                .body("access too frequent").build()));
        int before = stub.totalRequests();

        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BYBIT, 5)).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.getMessage()).contains("banned this IP until 2026-11-24T06:10:10Z"));
        assertThatThrownBy(() -> gateway.place(restingBuy("banned-1")))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.getMessage()).contains("banned"));
        assertThatThrownBy(() -> gateway.balances(ExchangeId.BYBIT)).isInstanceOf(ExchangeException.class);

        assertThat(stub.totalRequests()).isEqualTo(before + 1);
        assertThat(gateway.health()).singleElement().satisfies(h -> {
            assertThat(h.banned()).isTrue();
            assertThat(h.pausedUntil()).isEqualTo(Instant.parse("2026-11-24T06:10:10Z"));
            assertThat(h.describe(clock.instant())).isEqualTo("bybit has banned this IP until 2026-11-24T06:10:10Z");
        });
        clock.advance(Duration.ofMinutes(10));
        assertThat(gateway.balances(ExchangeId.BYBIT)).isNotEmpty();
    }

    @Test
    void theLimitStatusBybitReportsCorrectsOurCountAndAnExhaustedEndpointSendsNothing() {
        gateway.place(restingBuy("limit-1"));
        stub.reportLimitStatus(CREATE, 0); // other clients of this key used the second's orders
        gateway.place(restingBuy("limit-2"));
        int creates = stub.count("POST", CREATE);

        assertThatThrownBy(() -> gateway.place(restingBuy("limit-3"))).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
            assertThat(e.getMessage()).contains("request budget is spent (/v5/order/create)").contains("no request sent");
        });
        assertThat(stub.count("POST", CREATE)).isEqualTo(creates);
        assertThat(gateway.health().get(0).headroom()).isZero();
        assertThat(gateway.balances(ExchangeId.BYBIT)).isNotEmpty(); // another endpoint, its own window
    }

    @Test
    void malformedJsonOnAReadIsRetriedAndServerErrorsAreBounded() {
        gateway.instruments();
        stub.inject("GET", BOOK, new StubVenue.Fault.Respond(json(200, "{\"retCode\":0,\"result\":{\"b\":[[")));

        assertThat(gateway.orderBook(BTC, ExchangeId.BYBIT, 5).bids()).hasSize(3);
        assertThat(stub.count("GET", BOOK)).isEqualTo(2);

        for (int i = 0; i < 4; i++) {
            stub.inject("GET", BOOK, new StubVenue.Fault.Respond(BybitStub.refuse(10016, "Server error.")));
        }
        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BYBIT, 5))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.getMessage()).contains("10016"));
        assertThat(stub.count("GET", BOOK)).isEqualTo(2 + 4); // one try and three retries
    }

    @Test
    void theCircuitBreakerOpensAfterRepeatedFailuresAndClosesAgainWhenBybitRecovers() throws InterruptedException {
        XChangeExchangeGateway fragile = StubVenues.gateway(BybitVenues.config(stub, InstrumentKind.SPOT, 0, 3,
                StubVenues.FAULT_READ_TIMEOUT), clock);
        fragile.instruments();
        for (int i = 0; i < 3; i++) {
            stub.inject("GET", BOOK, new StubVenue.Fault.Respond(json(503, "<html>Service Unavailable</html>")));
            assertThatThrownBy(() -> fragile.orderBook(BTC, ExchangeId.BYBIT, 5)).isInstanceOf(ExchangeException.class);
        }

        assertThatThrownBy(() -> fragile.orderBook(BTC, ExchangeId.BYBIT, 5)).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.getMessage()).contains("bybit circuit breaker is open after 3 failures"));
        assertThat(stub.count("GET", BOOK)).isEqualTo(3);

        Thread.sleep(350);
        assertThat(fragile.orderBook(BTC, ExchangeId.BYBIT, 5).asks()).isNotEmpty();
        assertThat(fragile.health().get(0).breaker()).isEqualTo(VenueHealth.Breaker.CLOSED);
    }

    @Test
    void aWrongSecretIsFatalAndNoCredentialAppearsInTheError() {
        XChangeVenueConfig config = StubVenues.config(ExchangeId.BYBIT, InstrumentKind.SPOT, stub, BybitStub.API_KEY,
                "not-the-secret-not-the-secret", "", 3, 5, StubVenues.FAULT_READ_TIMEOUT);

        assertThatThrownBy(() -> StubVenues.gateway(config, clock).balances(ExchangeId.BYBIT))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.FATAL);
                    assertThat(e.getMessage()).contains("10004").contains("check the api key")
                            .doesNotContain("not-the-secret").doesNotContain(BybitStub.API_SECRET);
                });
        assertThat(stub.count("GET", "/v5/account/wallet-balance")).isEqualTo(1);
    }

    @Test
    void perpetualPositionsFundingAndFeesComeFromTheLinearCategory() {
        XChangeExchangeGateway linear = BybitVenues.gateway(stub, InstrumentKind.PERPETUAL, clock);
        Order sell = new Order(new ClientOrderId("short-1"), BTC, ExchangeId.BYBIT, InstrumentKind.PERPETUAL, Side.SELL,
                OrderType.MARKET, TimeInForce.IOC, Quantity.of("0.01"), Optional.empty(), false);

        ExecutionReport report = linear.place(sell);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(linear.positions(ExchangeId.BYBIT)).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("-0.01");
            assertThat(p.averageEntryPrice()).isEqualByComparingTo("30000");
        });
        assertThat(linear.fundingRate(BTC, ExchangeId.BYBIT)).hasValueSatisfying(f -> {
            assertThat(f.rate()).isEqualTo(0.0001);
            assertThat(f.nextFundingMicros()).isEqualTo(1_760_371_200_000_000L);
            assertThat(f.intervalMicros()).isEqualTo(Duration.ofHours(8).toNanos() / 1000);
        });
        assertThat(linear.feeTier(ExchangeId.BYBIT).takerBps()).isCloseTo(6, within(1e-9));
        assertThat(linear.recentTrades(BTC, ExchangeId.BYBIT, 10)).singleElement()
                .satisfies(t -> assertThat(t.aggressor()).isEqualTo(Side.BUY));
    }

    private static Order restingBuy(String id) {
        return new Order(new ClientOrderId(id), BTC, ExchangeId.BYBIT, InstrumentKind.SPOT, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, Quantity.of("0.001"), Optional.of(Price.of("27000")), false);
    }
}
