package io.huracan.adapter.paper;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.FundingPayment;
import io.huracan.ports.exchange.ExecutionListener;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples on a hand-fed book: BTC perpetual (or spot) on Binance, tick 0.1, lot 0.001, minimum notional
 * 5 USDT, maker 2 bps, taker 5 bps, 1,000 USDT, leverage 1. The top is bid 100.0 x 2, ask 100.1 x 1, so the
 * synthesised depth is asks 100.1 x 1, 100.2 x 1.5, 100.3 x 2 and bids 100.0 x 2, 99.9 x 3, 99.8 x 4.
 */
class PaperExchangeGatewayTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final long T0 = 1_767_225_600_000_000L;

    private final ManualClock clock = new ManualClock(T0);
    private final List<ExecutionReport> reports = new ArrayList<>();
    private final List<FundingPayment> payments = new ArrayList<>();
    private int ids;

    private PaperExchangeGateway gateway(InstrumentKind kind, Duration latency) {
        Instrument btc = new Instrument(BTC, ExchangeId.BINANCE, kind, "USDT", new BigDecimal("0.1"),
                new BigDecimal("0.001"), new BigDecimal("5"));
        PaperExchangeConfig config = new PaperExchangeConfig(new BigDecimal("1000"), latency, 1, 10,
                Map.of(ExchangeId.BINANCE, new FeeTier("test", 2, 5)), MarketSimulatorConfig.defaults(1));
        PaperExchangeGateway gateway = new PaperExchangeGateway(config, List.of(btc), clock);
        gateway.addExecutionListener(new ExecutionListener() {
            @Override
            public void onExecution(ExecutionReport report) {
                reports.add(report);
            }

            @Override
            public void onFunding(FundingPayment payment) {
                payments.add(payment);
            }
        });
        book(gateway, 100.0, 2, 100.1, 1);
        return gateway;
    }

    private PaperExchangeGateway perpetual() {
        return gateway(InstrumentKind.PERPETUAL, Duration.ZERO);
    }

    private void book(PaperExchangeGateway gateway, double bid, double bidQuantity, double ask, double askQuantity) {
        gateway.onBookTop(new BookTop(BTC, ExchangeId.BINANCE, clock.epochMicros(), bid, bidQuantity, ask, askQuantity));
    }

    private Order order(Side side, OrderType type, TimeInForce tif, String quantity, String price, InstrumentKind kind) {
        return new Order(new ClientOrderId("o" + ++ids), BTC, ExchangeId.BINANCE, kind, side, type, tif,
                Quantity.of(quantity), Optional.ofNullable(price).map(Price::of), false);
    }

    private Order perp(Side side, OrderType type, TimeInForce tif, String quantity, String price) {
        return order(side, type, tif, quantity, price, InstrumentKind.PERPETUAL);
    }

    private List<Fill> fillsOf(Order order) {
        return reports.stream().filter(r -> r.clientOrderId().equals(order.clientOrderId()))
                .flatMap(r -> r.lastFill().stream()).toList();
    }

    private List<OrderStatus> statusesOf(Order order) {
        return reports.stream().filter(r -> r.clientOrderId().equals(order.clientOrderId()))
                .map(ExecutionReport::status).toList();
    }

    private Balance usdt(PaperExchangeGateway gateway) {
        return gateway.balances(ExchangeId.BINANCE).get(0);
    }

    /**
     * The engine's shape of a deadlock: a listener that blocks (a loop's full report lane) until another thread has
     * placed an order here (the loop itself). The placing thread must not wait for the blocked delivery; its reports
     * go out after the ones being delivered, in order, by the thread that was delivering.
     */
    @Test
    void aPlacementWhileAListenerBlocksOnAnotherThreadDoesNotWaitForThatDelivery() throws Exception {
        PaperExchangeGateway gateway = perpetual();
        Order first = perp(Side.BUY, OrderType.MARKET, TimeInForce.IOC, "0.1", null);
        Order second = perp(Side.BUY, OrderType.MARKET, TimeInForce.IOC, "0.1", null);
        var secondPlaced = new java.util.concurrent.CountDownLatch(1);
        var delivered = new java.util.concurrent.CopyOnWriteArrayList<ClientOrderId>();
        var placer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            gateway.addExecutionListener(new ExecutionListener() {
                @Override
                public void onExecution(ExecutionReport report) {
                    if (delivered.isEmpty()) {
                        placer.submit(() -> {
                            gateway.place(second);
                            secondPlaced.countDown();
                        });
                        try {
                            assertThat(secondPlaced.await(5, java.util.concurrent.TimeUnit.SECONDS))
                                    .as("the other thread's place() returned while this delivery waited").isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    delivered.add(report.clientOrderId());
                }

                @Override
                public void onFunding(FundingPayment payment) {
                }
            });
            gateway.place(first);
            assertThat(secondPlaced.getCount()).isZero();
            assertThat(delivered).startsWith(first.clientOrderId()).contains(second.clientOrderId());
            assertThat(delivered.indexOf(second.clientOrderId())).isGreaterThan(delivered.lastIndexOf(first.clientOrderId()));
        } finally {
            placer.shutdownNow();
        }
    }

    @Test
    void aMarketBuySweepsTheDepthAndPaysTheTakerFeeOnEachLevel() {
        PaperExchangeGateway gateway = perpetual();
        Order buy = perp(Side.BUY, OrderType.MARKET, TimeInForce.IOC, "2", null);

        ExecutionReport result = gateway.place(buy);

        // 1 @ 100.1 then 1 @ 100.2; fees 100.1 x 5 bps = 0.05005 and 100.2 x 5 bps = 0.0501
        assertThat(fillsOf(buy)).extracting(f -> f.price().toString(), f -> f.quantity().toString(),
                        f -> f.feeQuote().stripTrailingZeros().toPlainString(), Fill::maker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("100.1", "1", "0.05005", false),
                        org.assertj.core.groups.Tuple.tuple("100.2", "1", "0.0501", false));
        assertThat(statusesOf(buy)).containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(result.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(result.averagePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("100.15"));
        // perpetual: only the fees leave the cash; 2 x 100.15 / leverage 1 = 200.3 is margin in use
        assertThat(usdt(gateway).total()).isEqualByComparingTo("999.89985");
        assertThat(usdt(gateway).locked()).isEqualByComparingTo("200.3");
        assertThat(gateway.positions(ExchangeId.BINANCE)).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("2");
            assertThat(p.averageEntryPrice()).isEqualByComparingTo("100.15");
        });
    }

    @Test
    void anIocLimitFillsWhatItCanAtItsPriceAndCancelsTheRest() {
        PaperExchangeGateway gateway = perpetual();
        Order buy = perp(Side.BUY, OrderType.LIMIT, TimeInForce.IOC, "2.5", "100.1");

        ExecutionReport result = gateway.place(buy);

        assertThat(statusesOf(buy)).containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.CANCELLED);
        assertThat(result.filledQuantity()).isEqualTo(Quantity.of("1"));
        assertThat(result.remainingQuantity().isZero()).isTrue();
        assertThat(gateway.openOrders(ExchangeId.BINANCE)).isEmpty();
        assertThat(usdt(gateway).locked()).as("only the filled lot's margin stays locked").isEqualByComparingTo("100.1");
    }

    @Test
    void aGtcLimitRestsItsRemainderAndFillsAsMakerWhenTheBookCrossesIt() {
        PaperExchangeGateway gateway = perpetual();
        Order buy = perp(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "3", "100.1");
        gateway.place(buy);
        assertThat(gateway.openOrders(ExchangeId.BINANCE)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED));

        clock.advanceMicros(100_000);
        book(gateway, 99.9, 2, 100.0, 1.5);

        // the ask came down through our 100.1: 1.5 more fill at our price, as maker (2 bps of 150.15 = 0.03003)
        List<Fill> fills = fillsOf(buy);
        assertThat(fills).hasSize(2);
        assertThat(fills.get(1).price()).isEqualTo(Price.of("100.1"));
        assertThat(fills.get(1).quantity()).isEqualTo(Quantity.of("1.5"));
        assertThat(fills.get(1).maker()).isTrue();
        assertThat(fills.get(1).feeQuote()).isEqualByComparingTo("0.03003");
        assertThat(gateway.query(BTC, ExchangeId.BINANCE, buy.clientOrderId()).orElseThrow().filledQuantity())
                .isEqualTo(Quantity.of("2.5"));
    }

    @Test
    void aRestingOrderFillsOnATradeThroughItsPrice() {
        PaperExchangeGateway gateway = perpetual();
        Order buy = perp(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "1", "99.9");
        gateway.place(buy);

        gateway.onTrade(new Trade(BTC, ExchangeId.BINANCE, T0, 99.9, 5, Side.SELL));
        assertThat(fillsOf(buy)).as("a trade at our price does not prove we were reached").isEmpty();
        gateway.onTrade(new Trade(BTC, ExchangeId.BINANCE, T0, 99.8, 0.4, Side.SELL));

        assertThat(fillsOf(buy)).singleElement().satisfies(f -> {
            assertThat(f.quantity()).isEqualTo(Quantity.of("0.4"));
            assertThat(f.price()).isEqualTo(Price.of("99.9"));
            assertThat(f.maker()).isTrue();
        });
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsRejectedAndOneThatRestsIsAccepted() {
        PaperExchangeGateway gateway = perpetual();
        Order taking = perp(Side.BUY, OrderType.LIMIT, TimeInForce.POST_ONLY, "1", "100.1");
        Order resting = perp(Side.BUY, OrderType.LIMIT, TimeInForce.POST_ONLY, "1", "100.0");

        ExecutionReport rejected = gateway.place(taking);
        ExecutionReport accepted = gateway.place(resting);

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejectReason()).contains(RejectReason.POST_ONLY_WOULD_TAKE);
        assertThat(accepted.status()).isEqualTo(OrderStatus.NEW);
        assertThat(usdt(gateway).locked()).as("100.0 margin + 2 bps maker-or-taker fee reserve of 5 bps")
                .isEqualByComparingTo("100.05");
    }

    @Test
    void ordersOffTheTradingRulesAreRejectedWithTheRuleThatFailed() {
        PaperExchangeGateway gateway = perpetual();

        assertThat(gateway.place(perp(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "1", "100.05")).rejectReason())
                .contains(RejectReason.TICK_SIZE);
        assertThat(gateway.place(perp(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "0.0015", "100")).rejectReason())
                .contains(RejectReason.LOT_SIZE);
        // 0.049 x 100 = 4.9 < 5
        assertThat(gateway.place(perp(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "0.049", "100")).rejectReason())
                .contains(RejectReason.MIN_NOTIONAL);
        // 10 x 100 = 1000 margin + 0.5 fee reserve > 1000 cash
        assertThat(gateway.place(perp(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "10", "100")).rejectReason())
                .contains(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(gateway.place(order(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "1", "100", InstrumentKind.SPOT))
                .rejectReason()).contains(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(gateway.place(new Order(new ClientOrderId("ro"), BTC, ExchangeId.BINANCE, InstrumentKind.PERPETUAL,
                Side.SELL, OrderType.MARKET, TimeInForce.IOC, Quantity.of("1"), Optional.empty(), true)).rejectReason())
                .contains(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
        assertThat(usdt(gateway).locked()).isEqualByComparingTo("0");
        assertThat(usdt(gateway).total()).isEqualByComparingTo("1000");
    }

    @Test
    void aSpotBuyPaysNotionalAndFeeAndASpotSellNeedsTheAsset() {
        PaperExchangeGateway gateway = gateway(InstrumentKind.SPOT, Duration.ZERO);
        Order buy = order(Side.BUY, OrderType.LIMIT, TimeInForce.IOC, "1", "100.1", InstrumentKind.SPOT);
        Order oversell = order(Side.SELL, OrderType.LIMIT, TimeInForce.GTC, "1.5", "101", InstrumentKind.SPOT);

        gateway.place(buy);
        ExecutionReport refused = gateway.place(oversell);

        // 1000 - 100.1 - 0.05005
        assertThat(usdt(gateway).total()).isEqualByComparingTo("899.84995");
        assertThat(gateway.balances(ExchangeId.BINANCE)).extracting(Balance::asset).containsExactly("USDT", "BTC");
        assertThat(gateway.balances(ExchangeId.BINANCE).get(1).total()).isEqualByComparingTo("1");
        assertThat(refused.rejectReason()).contains(RejectReason.INSUFFICIENT_BALANCE);

        gateway.place(order(Side.SELL, OrderType.MARKET, TimeInForce.IOC, "1", null, InstrumentKind.SPOT));
        // + 100.0 - 0.05 fee
        assertThat(usdt(gateway).total()).isEqualByComparingTo("999.79995");
        assertThat(gateway.balances(ExchangeId.BINANCE)).hasSize(1);
    }

    @Test
    void closingAPerpetualRealisesTheProfitIntoTheCash() {
        PaperExchangeGateway gateway = perpetual();
        gateway.place(perp(Side.BUY, OrderType.MARKET, TimeInForce.IOC, "1", null));
        book(gateway, 101.0, 2, 101.1, 1);

        gateway.place(perp(Side.SELL, OrderType.MARKET, TimeInForce.IOC, "1", null));

        // +0.9 profit, fees 0.05005 + 0.0505
        assertThat(usdt(gateway).total()).isEqualByComparingTo("1000.79945");
        assertThat(usdt(gateway).locked()).isEqualByComparingTo("0");
        assertThat(gateway.positions(ExchangeId.BINANCE)).isEmpty();
    }

    @Test
    void ordersAreMatchedOnlyOnceTheLatencyHasPassedOnTheDrivingClock() {
        PaperExchangeGateway gateway = gateway(InstrumentKind.PERPETUAL, Duration.ofMillis(5));
        Order buy = perp(Side.BUY, OrderType.MARKET, TimeInForce.IOC, "1", null);

        assertThat(gateway.place(buy).status()).isEqualTo(OrderStatus.NEW);
        clock.advanceMicros(4_999);
        book(gateway, 100.0, 2, 100.1, 1);
        assertThat(statusesOf(buy)).containsExactly(OrderStatus.NEW);
        clock.advanceMicros(1);
        book(gateway, 100.2, 2, 100.3, 1);

        assertThat(statusesOf(buy)).containsExactly(OrderStatus.NEW, OrderStatus.FILLED);
        assertThat(fillsOf(buy).get(0).price()).as("matched against the book at its arrival").isEqualTo(Price.of("100.3"));
        assertThat(fillsOf(buy).get(0).timestampMicros()).isEqualTo(T0 + 5_000);
    }

    @Test
    void fundingIsPaidByLongsAndReceivedByShortsWhenTheRateIsPositive() {
        long fundingTime = T0 + 8L * 3600 * 1_000_000;
        PaperExchangeGateway longs = perpetual();
        longs.place(perp(Side.BUY, OrderType.MARKET, TimeInForce.IOC, "1", null));
        PaperExchangeGateway shorts = perpetual();
        shorts.place(perp(Side.SELL, OrderType.MARKET, TimeInForce.IOC, "1", null));
        for (PaperExchangeGateway gateway : List.of(longs, shorts)) {
            gateway.onFundingRate(new FundingRate(BTC, ExchangeId.BINANCE, T0, 0.0001, fundingTime, 8L * 3600 * 1_000_000));
        }
        BigDecimal longCash = usdt(longs).total();
        BigDecimal shortCash = usdt(shorts).total();

        clock.setEpochMicros(fundingTime);
        book(longs, 100.0, 2, 100.1, 1);
        book(shorts, 100.0, 2, 100.1, 1);
        book(longs, 100.0, 2, 100.1, 1);

        // 1 x mid 100.05 x 0.0001 = 0.010005, once per funding time
        assertThat(payments).extracting(p -> p.amount().stripTrailingZeros().toPlainString())
                .containsExactly("-0.010005", "0.010005");
        assertThat(usdt(longs).total()).isEqualByComparingTo(longCash.subtract(new BigDecimal("0.010005")));
        assertThat(usdt(shorts).total()).isEqualByComparingTo(shortCash.add(new BigDecimal("0.010005")));
        assertThat(longs.positions(ExchangeId.BINANCE)).extracting(Position::fundingPnl)
                .singleElement().satisfies(f -> assertThat(f).isEqualByComparingTo("-0.010005"));
    }
}
