package io.huracan.domain.cost;

import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.huracan.domain.cost.CostFixture.BINANCE;
import static io.huracan.domain.cost.CostFixture.BTC;
import static io.huracan.domain.cost.CostFixture.HOUR;
import static io.huracan.domain.cost.CostFixture.SECOND;
import static io.huracan.domain.cost.CostFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostModelPropertiesTest {
    private static final double EPSILON = 1e-9;

    /** A random valid book around 100: 1-20 levels a side, ticks apart, random sizes. */
    @Provide
    Arbitrary<OrderBook> books() {
        Arbitrary<List<Double>> ticks = Arbitraries.doubles().between(0.001, 0.5).ofScale(4).list().ofMinSize(1).ofMaxSize(20);
        Arbitrary<List<Double>> sizes = Arbitraries.doubles().between(0.01, 5).list().ofSize(20);
        Arbitrary<Double> halfSpread = Arbitraries.doubles().between(0.0, 0.5);
        return Combinators.combine(ticks, ticks, sizes, halfSpread).as((bidTicks, askTicks, qty, half) -> {
            var bids = new ArrayList<BookLevel>();
            double price = 100 - half;
            for (int i = 0; i < bidTicks.size(); i++) {
                bids.add(new BookLevel(price, qty.get(i)));
                price -= bidTicks.get(i);
            }
            var asks = new ArrayList<BookLevel>();
            price = 100 + half;
            for (int i = 0; i < askTicks.size(); i++) {
                asks.add(new BookLevel(price, qty.get(19 - i)));
                price += askTicks.get(i);
            }
            return new OrderBook(BTC, ExchangeId.BINANCE, T0, bids, asks);
        });
    }

    @Property(tries = 300)
    void cost_never_decreases_as_size_grows(@ForAll("books") OrderBook book, @ForAll Side side,
                                            @ForAll @DoubleRange(min = 0.001, max = 30) @Scale(4) double smaller,
                                            @ForAll @DoubleRange(min = 0, max = 30) double extra) {
        CostModel model = new CostModel(CoinIndex.of(CostFixture.universe()), CostFixture.params());
        model.onOrderBook(book);
        CostBreakdown small = new CostBreakdown();
        CostBreakdown large = new CostBreakdown();

        model.evaluate(BINANCE, 0, InstrumentKind.SPOT, side, smaller, 50, HOUR, false, T0 + SECOND, small);
        model.evaluate(BINANCE, 0, InstrumentKind.SPOT, side, smaller + extra, 50, HOUR, false, T0 + SECOND, large);

        if (large.costed()) {
            assertThat(small.costed()).isTrue();
            assertThat(large.totalCostBps()).isGreaterThanOrEqualTo(small.totalCostBps() - EPSILON);
        }
        if (!small.costed()) {
            assertThat(large.costed()).isFalse();
        }
    }

    /** Holds whenever nothing pays the trader: fees >= 0 (the fixture's binance) and no funding received. */
    @Property(tries = 300)
    void edge_after_cost_never_exceeds_edge(@ForAll("books") OrderBook book, @ForAll Side side,
                                            @ForAll boolean maker, @ForAll boolean perpetual,
                                            @ForAll @DoubleRange(min = 0.001, max = 30) @Scale(4) double quantity,
                                            @ForAll @DoubleRange(min = -100, max = 100) double edge,
                                            @ForAll @DoubleRange(min = 0, max = 0.001) @Scale(6) double fundingRate,
                                            @ForAll @IntRange(min = 0, max = 48) int horizonHours) {
        CostModel model = new CostModel(CoinIndex.of(CostFixture.universe()), CostFixture.params());
        model.onOrderBook(book);
        // a long pays a positive rate; a short pays a negative one: funding is never a receipt here
        double rate = side == Side.BUY ? fundingRate : -fundingRate;
        model.onFundingRate(CostFixture.funding(BTC, ExchangeId.BINANCE, T0, rate, T0 + HOUR, 8 * HOUR));
        CostBreakdown out = new CostBreakdown();

        model.evaluate(BINANCE, 0, perpetual ? InstrumentKind.PERPETUAL : InstrumentKind.SPOT, side, quantity, edge,
                horizonHours * HOUR, maker, T0 + SECOND, out);

        assertThat(out.edgeAfterCostBps()).isLessThanOrEqualTo(edge);
        assertThat(out.entryHalfSpreadBps()).isGreaterThanOrEqualTo(0);
        assertThat(out.entrySlippageBps()).isGreaterThanOrEqualTo(0);
        assertThat(out.exitSlippageBps()).isGreaterThanOrEqualTo(0);
        if (out.costed()) {
            assertThat(out.edgeAfterCostBps()).isCloseTo(edge - out.totalCostBps(), within(EPSILON));
        }
    }

    /** Edges drawn from a handful of values so that many coins tie; the ranking must not depend on anything else. */
    @Property(tries = 100)
    void ranking_is_stable_for_equal_inputs(@ForAll @IntRange(min = 1, max = 40) int coins,
                                            @ForAll("edges") List<Double> edges) {
        CostModel model = new CostModel(CoinIndex.of(CostFixture.universe(40)), CostFixture.params());
        for (int coin = 0; coin < 40; coin++) {
            model.onOrderBook(CostFixture.tenBpsBook(Coin.of("C" + coin), ExchangeId.BINANCE, T0));
        }
        CoinSignals signals = new CoinSignals(40);
        for (int coin = 0; coin < coins; coin++) {
            signals.set(coin, edges.get(coin), Side.BUY, 1, HOUR, false);
        }
        Map<ExchangeId, InstrumentKind> venues = Map.of(ExchangeId.BINANCE, InstrumentKind.SPOT);
        CoinRanking first = new CoinRanking(model, venues, RankingKey.EDGE_AFTER_COST);
        CoinRanking second = new CoinRanking(model, venues, RankingKey.EDGE_AFTER_COST);

        int n = first.rank(signals, T0 + SECOND);
        first.rank(signals, T0 + SECOND);
        second.rank(signals, T0 + SECOND);

        int[] a = new int[40];
        int[] b = new int[40];
        assertThat(first.topK(40, a)).isEqualTo(n);
        assertThat(second.topK(40, b)).isEqualTo(n);
        assertThat(a).isEqualTo(b);
        for (int rank = 1; rank < n; rank++) {
            double before = first.best(a[rank - 1]).edgeAfterCostBps();
            double after = first.best(a[rank]).edgeAfterCostBps();
            assertThat(before).isGreaterThanOrEqualTo(after);
            if (before == after) {
                assertThat(a[rank - 1]).isLessThan(a[rank]);
            }
        }
    }

    @Provide
    Arbitrary<List<Double>> edges() {
        return Arbitraries.of(10.0, 25.0, 25.0, 30.0, 60.0).list().ofSize(40);
    }
}
