package io.huracan.adapter.paper;

import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.Regime;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Trade;
import io.huracan.ports.market.Universe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MarketSimulatorTest {
    private static final long START = 1_767_225_600_000_000L;
    private static final long SECOND = 1_000_000;

    /** Two sectors of six coins each, listed on one to three venues. */
    private static Universe universe() {
        List<CoinListing> coins = new ArrayList<>();
        for (String sector : List.of("layer1", "meme")) {
            for (int i = 0; i < 6; i++) {
                Set<ExchangeId> venues = switch (i % 3) {
                    case 0 -> Set.of(ExchangeId.BINANCE, ExchangeId.OKX, ExchangeId.BYBIT);
                    case 1 -> Set.of(ExchangeId.BINANCE, ExchangeId.BYBIT);
                    default -> Set.of(ExchangeId.OKX);
                };
                coins.add(new CoinListing(Coin.of(sector.toUpperCase().substring(0, 3) + i), Sector.of(sector), venues));
            }
        }
        return new Universe("USDT", 400, 12, coins);
    }

    private static List<String> session(long seed, long[] advanceSteps) {
        Universe universe = universe();
        MarketSimulator simulator = new MarketSimulator(universe, MarketSimulatorConfig.defaults(seed), START);
        List<String> events = new ArrayList<>();
        simulator.subscribe(universe.coins().stream().map(CoinListing::symbol).collect(Collectors.toSet()),
                MarketDataListener.forwardingTo(event -> events.add(event.toString())));
        long now = START;
        for (long step : advanceSteps) {
            now += step;
            simulator.advanceTo(now);
        }
        return events;
    }

    @Test
    void theSameSeedGivesTheSameEventsHoweverTimeIsCutAndAnotherSeedDoesNot() {
        long[] oneCall = {120 * SECOND};
        long[] manyCalls = new long[1200];
        java.util.Arrays.fill(manyCalls, 100_000 - 7);
        long[] rest = {120 * SECOND - 1200 * (100_000 - 7)};

        List<String> first = session(42, oneCall);
        List<String> chopped = new ArrayList<>(session(42, concat(manyCalls, rest)));

        assertThat(first).hasSizeGreaterThan(10_000);
        assertThat(chopped).isEqualTo(first);
        assertThat(session(43, oneCall)).isNotEqualTo(first);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void eventsArriveInTimestampOrderOnTheTickAndLotGridOfTheirInstrument() {
        Universe universe = universe();
        MarketSimulator simulator = new MarketSimulator(universe, MarketSimulatorConfig.defaults(5), START);
        Map<String, Instrument> instruments = simulator.instruments().stream()
                .collect(Collectors.toMap(i -> i.coin() + "@" + i.exchange(), i -> i));
        List<BookTop> tops = new ArrayList<>();
        simulator.subscribe(instruments.values().stream().map(Instrument::coin).collect(Collectors.toSet()),
                bookTops(tops::add));

        long events = simulator.advanceTo(START + 10 * SECOND);

        assertThat(events).isGreaterThanOrEqualTo(tops.size());
        // 100 updates of 24 listings (12 coins on 3, 2 or 1 venues), and the first coin's 101st at exactly 10 s
        assertThat(tops).hasSize(100 * 24 + 3);
        long last = Long.MIN_VALUE;
        for (BookTop top : tops) {
            assertThat(top.timestampMicros()).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(START + 10 * SECOND);
            last = top.timestampMicros();
            Instrument instrument = instruments.get(top.coin() + "@" + top.exchange());
            assertThat(instrument.onTick(new BigDecimal(Double.toString(top.bidPrice())))).isTrue();
            assertThat(instrument.onTick(new BigDecimal(Double.toString(top.askPrice())))).isTrue();
            assertThat(instrument.onLot(new BigDecimal(Double.toString(top.askQuantity())))).isTrue();
            assertThat(top.askPrice()).isGreaterThan(top.bidPrice());
        }
        assertThat(simulator.nextEventMicros()).isGreaterThan(START + 10 * SECOND);
    }

    @Test
    void coinsOfASectorMoveTogetherMoreThanCoinsOfDifferentSectors() {
        Universe universe = universe();
        MarketSimulator simulator = new MarketSimulator(universe, MarketSimulatorConfig.defaults(11), START);
        List<Coin> coins = universe.coins().stream().map(CoinListing::symbol).toList();
        int samples = 4 * 3600 / 10;
        double[][] returns = new double[coins.size()][samples];
        double[] previous = coins.stream().mapToDouble(simulator::midPrice).toArray();
        for (int s = 0; s < samples; s++) {
            simulator.advanceTo(START + (s + 1) * 10 * SECOND);
            for (int c = 0; c < coins.size(); c++) {
                double mid = simulator.midPrice(coins.get(c));
                returns[c][s] = Math.log(mid / previous[c]);
                previous[c] = mid;
            }
        }
        double within = 0;
        double across = 0;
        int withinPairs = 0;
        int acrossPairs = 0;
        for (int a = 0; a < coins.size(); a++) {
            for (int b = a + 1; b < coins.size(); b++) {
                double correlation = correlation(returns[a], returns[b]);
                if (a / 6 == b / 6) {
                    within += correlation;
                    withinPairs++;
                } else {
                    across += correlation;
                    acrossPairs++;
                }
            }
        }
        within /= withinPairs;
        across /= acrossPairs;
        assertThat(across).as("the market factor correlates everything").isGreaterThan(0.1);
        assertThat(within).as("within %.3f vs across %.3f", within, across).isGreaterThan(across + 0.1);
    }

    @Test
    void spreadsWidenWhenASectorTurnsVolatile() {
        Universe universe = universe();
        MarketSimulatorConfig config = new MarketSimulatorConfig(3, io.huracan.ports.market.InstrumentKind.PERPETUAL,
                Duration.ofMillis(100), Duration.ofHours(8), Duration.ofMinutes(1), Duration.ofMinutes(10), 1.0,
                BigDecimal.valueOf(5));
        MarketSimulator simulator = new MarketSimulator(universe, config, START);
        Map<Regime, double[]> spreadSumAndCount = new EnumMap<>(Regime.class);
        Map<Coin, Regime> previousRegime = new HashMap<>();
        simulator.subscribe(universe.coins().stream().map(CoinListing::symbol).collect(Collectors.toSet()),
                bookTops(top -> {
                    Regime regime = simulator.regime(top.coin());
                    // skip a minute after a switch: realised volatility needs time to catch up with the regime
                    if (regime == previousRegime.put(top.coin(), regime)) {
                        double[] sum = spreadSumAndCount.computeIfAbsent(regime, r -> new double[2]);
                        sum[0] += (top.askPrice() - top.bidPrice()) / top.mid() * 1e4;
                        sum[1]++;
                    }
                }));
        Set<Regime> seen = java.util.EnumSet.noneOf(Regime.class);
        for (long t = START; t < START + 6 * 3600 * SECOND; t += SECOND) {
            simulator.advanceTo(t);
            universe.coins().forEach(c -> seen.add(simulator.regime(c.symbol())));
        }

        assertThat(seen).as("regimes switch during six hours").containsExactlyInAnyOrder(Regime.values());
        double volatile_ = spreadSumAndCount.get(Regime.HIGH_VOLATILITY)[0] / spreadSumAndCount.get(Regime.HIGH_VOLATILITY)[1];
        double ranging = spreadSumAndCount.get(Regime.RANGING)[0] / spreadSumAndCount.get(Regime.RANGING)[1];
        assertThat(volatile_).as("high volatility %.2f bps vs ranging %.2f bps", volatile_, ranging)
                .isGreaterThan(ranging * 1.3);
    }

    @Test
    void perpetualFundingRatesArePublishedWithTheNextEightHourFundingTime() {
        Universe universe = universe();
        MarketSimulator simulator = new MarketSimulator(universe, MarketSimulatorConfig.defaults(9), START);
        List<FundingRate> rates = new ArrayList<>();
        simulator.subscribe(Set.of(universe.coins().get(0).symbol()), new MarketDataListener() {
            @Override
            public void onBookTop(BookTop top) {
            }

            @Override
            public void onTrade(Trade trade) {
            }

            @Override
            public void onFundingRate(FundingRate funding) {
                rates.add(funding);
            }
        });

        simulator.advanceTo(START + 120 * SECOND);

        // published at 0 s, 60 s and 120 s on the coin's three venues
        assertThat(rates).hasSize(9);
        assertThat(rates).allSatisfy(r -> {
            assertThat(r.nextFundingMicros()).isEqualTo(START + 8 * 3600 * SECOND);
            assertThat(Math.abs(r.rate())).isLessThan(0.003);
        });
    }

    private static MarketDataListener bookTops(java.util.function.Consumer<BookTop> consumer) {
        return new MarketDataListener() {
            @Override
            public void onBookTop(BookTop top) {
                consumer.accept(top);
            }

            @Override
            public void onTrade(Trade trade) {
            }

            @Override
            public void onFundingRate(FundingRate funding) {
            }
        };
    }

    private static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
