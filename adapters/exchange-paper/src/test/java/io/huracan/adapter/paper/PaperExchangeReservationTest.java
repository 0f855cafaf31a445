package io.huracan.adapter.paper;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import io.huracan.testkit.time.ManualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever orders arrive and however the market moves, reservations never leak and never go negative. */
class PaperExchangeReservationTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final long T0 = 1_767_225_600_000_000L;

    record Step(Side side, TimeInForce tif, boolean market, int lots, int limitOffsetTicks, int bookMoveTicks) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.of(Side.class), Arbitraries.of(TimeInForce.class),
                Arbitraries.of(true, false), Arbitraries.integers().between(50, 3000),
                Arbitraries.integers().between(-20, 20), Arbitraries.integers().between(-15, 15)).as(Step::new);
    }

    @Property(tries = 200)
    void lockedCashIsExactlyTheMarginOfOpenPositionsOnceEveryOrderIsDone(
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("steps") Step> steps, @ForAll boolean spot) {
        ManualClock clock = new ManualClock(T0);
        InstrumentKind kind = spot ? InstrumentKind.SPOT : InstrumentKind.PERPETUAL;
        Instrument btc = new Instrument(BTC, ExchangeId.BINANCE, kind, "USDT", new BigDecimal("0.1"),
                new BigDecimal("0.001"), new BigDecimal("5"));
        PaperExchangeGateway gateway = new PaperExchangeGateway(new PaperExchangeConfig(new BigDecimal("1000"),
                Duration.ofMillis(1), 2, 5, Map.of(ExchangeId.BINANCE, new FeeTier("t", -1, 5)),
                MarketSimulatorConfig.defaults(1)), List.of(btc), clock);
        long bidTicks = 1000;
        gateway.onBookTop(new BookTop(BTC, ExchangeId.BINANCE, T0, 100.0, 1, 100.1, 1));
        int id = 0;
        for (Step step : steps) {
            BigDecimal limit = BigDecimal.valueOf(bidTicks + step.limitOffsetTicks(), 1);
            gateway.place(new Order(new ClientOrderId("p" + ++id), BTC, ExchangeId.BINANCE, kind, step.side(),
                    step.market() ? OrderType.MARKET : OrderType.LIMIT, step.market() ? TimeInForce.IOC : step.tif(),
                    new Quantity(BigDecimal.valueOf(step.lots(), 3)), step.market() ? Optional.empty()
                    : Optional.of(new Price(limit)), false));
            bidTicks = Math.max(10, bidTicks + step.bookMoveTicks());
            clock.advanceMicros(1_000);
            gateway.onBookTop(new BookTop(BTC, ExchangeId.BINANCE, clock.epochMicros(), bidTicks / 10.0, 1,
                    (bidTicks + 1) / 10.0, 1));
            assertThat(gateway.balances(ExchangeId.BINANCE)).allSatisfy(b -> assertThat(b.locked()).isNotNegative());
        }
        for (ExecutionReport open : gateway.openOrders(ExchangeId.BINANCE)) {
            gateway.cancel(BTC, ExchangeId.BINANCE, open.clientOrderId());
        }

        List<Balance> balances = gateway.balances(ExchangeId.BINANCE);
        BigDecimal margin = gateway.positions(ExchangeId.BINANCE).stream()
                .filter(p -> kind == InstrumentKind.PERPETUAL)
                .map(p -> p.quantity().abs().multiply(p.averageEntryPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        assertThat(balances.get(0).locked()).isEqualByComparingTo(margin);
        balances.stream().skip(1).forEach(asset -> assertThat(asset.locked()).isEqualByComparingTo("0"));
        if (spot) {
            assertThat(balances.get(0).total()).isNotNegative();
        }
    }
}
