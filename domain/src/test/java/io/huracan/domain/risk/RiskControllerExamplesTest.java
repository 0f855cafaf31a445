package io.huracan.domain.risk;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.OrderIntent;
import io.huracan.ports.risk.RiskDecision;
import io.huracan.ports.risk.RiskDecision.Approved;
import io.huracan.ports.risk.RiskDecision.Reduced;
import io.huracan.ports.risk.RiskDecision.Rejected;
import io.huracan.ports.risk.RiskEventType;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.RiskScope;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static io.huracan.ports.market.ExchangeId.BINANCE;
import static io.huracan.ports.market.ExchangeId.OKX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One worked example per rule; every expected number is computed by hand in the comment beside it. */
class RiskControllerExamplesTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final Coin ETH = Coin.of("ETH");
    private static final Coin UNI = Coin.of("UNI");
    private static final Coin AAVE = Coin.of("AAVE");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli() * 1000);
    private final RiskFixtures.Events events = new RiskFixtures.Events();
    private final RiskUniverse universe = RiskFixtures.fourCoins();

    private RiskController controller(RiskLimits limits, TradeLimits trades) {
        var controller = new RiskController(universe, limits, trades, 100_000, clock, events);
        for (int c = 0; c < universe.coinCount(); c++) {
            controller.onPrice(c, 100);
        }
        return controller;
    }

    private RiskController controller(RiskLimits limits) {
        return controller(limits, new TradeLimits(500, 100));
    }

    private static OrderIntent buy(Coin coin, ExchangeId exchange, double quantity, double price) {
        return new OrderIntent(coin, exchange, Side.BUY, quantity, price, false, 10);
    }

    private static OrderIntent sell(Coin coin, ExchangeId exchange, double quantity, double price) {
        return new OrderIntent(coin, exchange, Side.SELL, quantity, price, false, 10);
    }

    private static long reservation(RiskDecision decision) {
        return decision instanceof Approved a ? a.reservation() : ((Reduced) decision).reservation();
    }

    @Test
    void anIntentWellInsideEveryLimitPassesWholeAndReservesItsNotional() {
        var risk = controller(RiskFixtures.wide());
        RiskDecision decision = risk.check(buy(BTC, BINANCE, 3, 100));
        // 3 x 100 = 300 reserved on the coin, its sector, the exchange, global gross and the net long side
        assertThat(decision).isInstanceOf(Approved.class);
        assertThat(decision.quantity()).isEqualTo(3);
        assertThat(risk.exposure(ExposureScope.COIN, 0)).isEqualTo(300);
        assertThat(risk.exposure(ExposureScope.SECTOR, 0)).isEqualTo(300);
        assertThat(risk.exposure(ExposureScope.EXCHANGE, BINANCE.ordinal())).isEqualTo(300);
        assertThat(risk.exposure(ExposureScope.GLOBAL_GROSS, 0)).isEqualTo(300);
        assertThat(risk.exposure(ExposureScope.NET_LONG, 0)).isEqualTo(300);
        assertThat(risk.exposure(ExposureScope.NET_SHORT, 0)).isEqualTo(0);
        assertThat(risk.openTrades()).isEqualTo(1);
        assertThat(events.events).isEmpty();
    }

    @Test
    void softThrottleShrinksTheOrderLinearlyAboveTheSoftRatio() {
        // coin limit L = 50,000, r = 0.8, so the soft band is (1 - r) L = 10,000
        var risk = controller(RiskFixtures.limits(0.8, 50_000, 1e9, 1e9, 1e9, 1e9));
        // 400 @ 100 = 40,000 = r L exactly: a = min(40,000, 40,000 x 50,000 / (10,000 + 40,000)) = 40,000, whole
        assertThat(risk.check(buy(BTC, BINANCE, 400, 100))).isInstanceOf(Approved.class);
        // u = 40,000, q = 100 @ 100 = 10,000: a = 10,000 x 10,000 / (10,000 + 10,000) = 5,000 -> 50 BTC
        var reduced = (Reduced) risk.check(buy(BTC, OKX, 100, 100));
        assertThat(reduced.quantity()).isCloseTo(50, within(1e-9));
        assertThat(reduced.reason()).isEqualTo(RiskReason.COIN_LIMIT);
        assertThat(reduced.scope()).isEqualTo(new RiskScope(RiskScope.Kind.COIN, "BTC"));
        assertThat(reduced.utilisation()).isCloseTo(0.9, within(1e-12)); // 45,000 / 50,000
        // u = 45,000, q = 10,000: a = 10,000 x 5,000 / 20,000 = 2,500 -> half the room left, half the size again
        assertThat(risk.check(buy(BTC, OKX, 100, 100)).quantity()).isCloseTo(25, within(1e-9));
        assertThat(events.last().type()).isEqualTo(RiskEventType.REDUCED);
        assertThat(events.last().utilisation()).isCloseTo(0.95, within(1e-12)); // 47,500 / 50,000
    }

    @Test
    void aHardLimitRejectsWhenNothingIsLeftAndTheEventCarriesScopeAndUtilisation() {
        var risk = controller(RiskFixtures.limits(1, 50_000, 1e9, 1e9, 1e9, 1e9));
        assertThat(risk.check(buy(BTC, BINANCE, 400, 100))).isInstanceOf(Approved.class);
        // ratio 1 is the plain hard limit: 40,000 used, 15,000 asked, 10,000 left -> 100 BTC
        assertThat(risk.check(buy(BTC, OKX, 150, 100)).quantity()).isCloseTo(100, within(1e-9));
        var rejected = (Rejected) risk.check(buy(BTC, OKX, 1, 100));
        assertThat(rejected.reason()).isEqualTo(RiskReason.COIN_LIMIT);
        assertThat(rejected.utilisation()).isEqualTo(1.0);
        assertThat(events.last().type()).isEqualTo(RiskEventType.REJECTED);
        assertThat(events.last().intent()).hasValueSatisfying(i -> assertThat(i.coin()).isEqualTo(BTC));
    }

    @Test
    void theSectorLimitBindsAcrossCoinsOfTheSameSector() {
        // layer1 limit 60,000; BTC takes 50,000 so ETH gets the remaining 10,000 (ratio 1)
        var risk = controller(RiskFixtures.limits(1, 50_000, 60_000, 1e9, 1e9, 1e9));
        risk.check(buy(BTC, BINANCE, 500, 100));
        var eth = (Reduced) risk.check(buy(ETH, BINANCE, 300, 100));
        assertThat(eth.quantity()).isCloseTo(100, within(1e-9));
        assertThat(eth.reason()).isEqualTo(RiskReason.SECTOR_LIMIT);
        assertThat(eth.scope().name()).isEqualTo("layer1");
        // defi is another sector: UNI still passes whole
        assertThat(risk.check(buy(UNI, BINANCE, 300, 100))).isInstanceOf(Approved.class);
    }

    @Test
    void theExchangeLimitBindsAcrossCoinsOnTheSameExchange() {
        var risk = controller(RiskFixtures.limits(1, 1e9, 1e9, 70_000, 1e9, 1e9));
        risk.check(buy(BTC, BINANCE, 500, 100));
        var uni = (Reduced) risk.check(buy(UNI, BINANCE, 500, 100)); // 70,000 - 50,000 = 20,000 -> 200 UNI
        assertThat(uni.quantity()).isCloseTo(200, within(1e-9));
        assertThat(uni.reason()).isEqualTo(RiskReason.EXCHANGE_LIMIT);
        assertThat(risk.check(buy(UNI, OKX, 500, 100))).isInstanceOf(Approved.class);
    }

    @Test
    void globalGrossCountsLongsAndShortsAlike() {
        var risk = controller(RiskFixtures.limits(1, 1e9, 1e9, 1e9, 80_000, 1e9));
        risk.check(buy(BTC, BINANCE, 500, 100));
        var short_ = (Reduced) risk.check(sell(UNI, OKX, 500, 100)); // 80,000 - 50,000 = 30,000 -> 300
        assertThat(short_.quantity()).isCloseTo(300, within(1e-9));
        assertThat(short_.reason()).isEqualTo(RiskReason.GLOBAL_GROSS_LIMIT);
    }

    @Test
    void globalNetLetsAShortOffsetALongButCapsEachSide() {
        // net limit 30,000: long BTC 20,000 filled; a short of 45,000 worst case leaves -25,000 net, fine
        var risk = controller(RiskFixtures.limits(1, 1e9, 1e9, 1e9, 1e9, 30_000));
        long btc = reservation(risk.check(buy(BTC, BINANCE, 200, 100)));
        risk.onFill(btc, 200, 100, 0);
        // NET_SHORT = pending sells - N = 0 - 20,000 = -20,000, so sells may reserve up to 50,000
        assertThat(risk.exposure(ExposureScope.NET_SHORT, 0)).isEqualTo(-20_000);
        var uni = (Reduced) risk.check(sell(UNI, BINANCE, 600, 100)); // 60,000 asked, 50,000 allowed -> 500
        assertThat(uni.quantity()).isCloseTo(500, within(1e-9));
        assertThat(uni.reason()).isEqualTo(RiskReason.GLOBAL_NET_LIMIT);
        // the long side is unaffected by pending sells: 20,000 used, 10,000 more buys allowed
        assertThat(risk.check(buy(ETH, OKX, 150, 100)).quantity()).isCloseTo(100, within(1e-9));
    }

    @Test
    void theHardTradeCountStopsNewTradesButNotOrdersOnOpenOnes() {
        var risk = controller(RiskFixtures.wide(), new TradeLimits(2, 2));
        risk.check(buy(BTC, BINANCE, 1, 100));
        risk.check(buy(ETH, BINANCE, 1, 100));
        var third = (Rejected) risk.check(buy(UNI, BINANCE, 1, 100));
        assertThat(third.reason()).isEqualTo(RiskReason.OPEN_TRADES_LIMIT);
        assertThat(third.utilisation()).isEqualTo(1.0);
        // adding to an open trade (same coin and exchange) opens no new one
        assertThat(risk.check(buy(BTC, BINANCE, 1, 100))).isInstanceOf(Approved.class);
        assertThat(risk.openTrades()).isEqualTo(2);
    }

    @Test
    void aboveTheSoftTradeCountOnlyTheTopShareByEdgeGetsThrough() {
        var risk = controller(RiskFixtures.wide(), new TradeLimits(4, 2));
        risk.check(new OrderIntent(BTC, BINANCE, Side.BUY, 1, 100, false, 10));
        risk.check(new OrderIntent(ETH, BINANCE, Side.BUY, 1, 100, false, 20));
        // count 2 = soft: share = (4 - 2) / (4 - 2) = 100%, anything passes
        risk.check(new OrderIntent(UNI, BINANCE, Side.BUY, 1, 100, false, 30));
        // count 3: share = (4 - 3) / 2 = 50%, at most 1.5 open trades may have a better edge
        var weak = (Rejected) risk.check(new OrderIntent(AAVE, BINANCE, Side.BUY, 1, 100, false, 15));
        assertThat(weak.reason()).isEqualTo(RiskReason.OPEN_TRADES_RANK); // 20 and 30 are better: 2 > 1.5
        assertThat(weak.utilisation()).isCloseTo(2.0 / 3, within(1e-12));
        var strong = risk.check(new OrderIntent(AAVE, BINANCE, Side.BUY, 1, 100, false, 25)); // only 30: 1 <= 1.5
        assertThat(strong).isInstanceOf(Approved.class);
    }

    @Test
    void failsClosedOnAMissingOrStalePrice() {
        var risk = new RiskController(universe, RiskFixtures.wide(), new TradeLimits(500, 100), 100_000, clock, events);
        assertThat(((Rejected) risk.check(buy(BTC, BINANCE, 1, 100))).reason()).isEqualTo(RiskReason.NO_PRICE);
        risk.onPrice(0, 100);
        clock.advance(5, TimeUnit.SECONDS);
        assertThat(risk.check(buy(BTC, BINANCE, 1, 100))).isInstanceOf(Approved.class); // exactly 5 s: not stale
        clock.advance(1, TimeUnit.MILLISECONDS);
        assertThat(((Rejected) risk.check(buy(BTC, BINANCE, 1, 100))).reason()).isEqualTo(RiskReason.STALE_PRICE);
    }

    @Test
    void anUnlistedExchangeIsRejected() {
        var risk = controller(RiskFixtures.wide());
        assertThat(((Rejected) risk.check(buy(AAVE, OKX, 1, 100))).reason()).isEqualTo(RiskReason.NOT_LISTED);
    }

    @Test
    void fillsTrackAverageEntryRealisedAndUnrealisedPnlAndEquity() {
        var risk = controller(RiskFixtures.wide());
        long first = reservation(risk.check(buy(BTC, BINANCE, 2, 100)));
        risk.onFill(first, 2, 100, 0.2);
        long second = reservation(risk.check(buy(BTC, BINANCE, 2, 110)));
        risk.onFill(second, 2, 110, 0.2);
        // avg = (2 x 100 + 2 x 110) / 4 = 105
        assertThat(risk.averageEntry(BTC, BINANCE)).isCloseTo(105, within(1e-9));
        long exit = reservation(risk.check(sell(BTC, BINANCE, 1, 120)));
        risk.onFill(exit, 1, 120, 0.1);
        // realised = 1 x (120 - 105) = 15, fees 0.5 -> 14.5; position 3 @ 105 booked 315
        assertThat(risk.position(BTC, BINANCE)).isEqualTo(3);
        assertThat(risk.realisedPnl(BTC)).isCloseTo(14.5, within(1e-9));
        assertThat(risk.exposure(ExposureScope.COIN, 0)).isCloseTo(315, within(1e-6));
        risk.onPrice(0, 130);
        // unrealised = 3 x (130 - 105) = 75; equity = 100,000 + 14.5 + 75 = 100,089.5
        assertThat(risk.unrealisedPnl(BTC)).isCloseTo(75, within(1e-9));
        assertThat(risk.equity()).isCloseTo(100_089.5, within(1e-6));
        risk.onPrice(0, 120);
        // equity 100,000 + 14.5 + 45 = 100,059.5; the peak stays at 100,089.5
        assertThat(risk.equity()).isCloseTo(100_059.5, within(1e-6));
        assertThat(risk.equityPeak()).isCloseTo(100_089.5, within(1e-6));
    }

    @Test
    void partialFillsConvertAndACancelReleasesTheRestToZero() {
        var risk = controller(RiskFixtures.wide());
        long order = reservation(risk.check(buy(ETH, OKX, 10, 100)));
        risk.onFill(order, 4, 100, 0);
        // 400 booked + 600 still reserved = 1,000
        assertThat(risk.exposure(ExposureScope.COIN, 1)).isCloseTo(1_000, within(1e-9));
        risk.onCancel(order);
        assertThat(risk.exposure(ExposureScope.COIN, 1)).isCloseTo(400, within(1e-9));
        assertThat(risk.onCancel(order)).isFalse(); // a repeated cancel changes nothing
        long close = reservation(risk.check(new OrderIntent(ETH, OKX, Side.SELL, 4, 100, true, 0)));
        risk.onFill(close, 4, 100, 0);
        for (ExposureScope scope : ExposureScope.values()) {
            assertThat(risk.exposure(scope, scope == ExposureScope.EXCHANGE ? OKX.ordinal() : 1)).isZero();
        }
        assertThat(risk.openTrades()).isZero();
        assertThat(risk.audit()).isEmpty();
    }

    @Test
    void anExchangeRejectReleasesTheWholeReservation() {
        var risk = controller(RiskFixtures.wide());
        long order = reservation(risk.check(buy(ETH, OKX, 10, 100)));
        assertThat(risk.onReject(order)).isTrue();
        assertThat(risk.exposure(ExposureScope.GLOBAL_GROSS, 0)).isZero();
        assertThat(risk.openTrades()).isZero();
    }

    @Test
    void reduceOnlyShrinksAPositionWhateverElseHoldsButNeverMoreThanTheUnclaimedPosition() {
        var risk = controller(RiskFixtures.wide());
        risk.onFill(reservation(risk.check(buy(BTC, BINANCE, 5, 100))), 5, 100, 0);
        risk.engageKillSwitch();
        clock.advance(1, TimeUnit.MINUTES); // the price is stale now too
        assertThat(((Rejected) risk.check(buy(ETH, BINANCE, 1, 100))).reason()).isEqualTo(RiskReason.KILL_SWITCH);
        var first = risk.check(new OrderIntent(BTC, BINANCE, Side.SELL, 3, 100, true, 0));
        assertThat(first).isInstanceOf(Approved.class);
        // 5 held, 3 claimed: a second reduce-only of 4 gets the remaining 2
        var second = (Reduced) risk.check(new OrderIntent(BTC, BINANCE, Side.SELL, 4, 100, true, 0));
        assertThat(second.quantity()).isEqualTo(2);
        var nothing = (Rejected) risk.check(new OrderIntent(BTC, BINANCE, Side.SELL, 1, 100, true, 0));
        assertThat(nothing.reason()).isEqualTo(RiskReason.NOTHING_TO_REDUCE);
        // a reduce-only buy on a long position would grow it: refused
        assertThat(risk.check(new OrderIntent(BTC, BINANCE, Side.BUY, 1, 100, true, 0)))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void theKillSwitchEmitsCancelsAndFlatteningOrdersAndStaysDownUntilReset() {
        var risk = controller(RiskFixtures.wide());
        risk.onFill(reservation(risk.check(buy(BTC, BINANCE, 5, 100))), 5, 100, 0);
        risk.onFill(reservation(risk.check(sell(UNI, OKX, 7, 100))), 7, 100, 0);
        long working = reservation(risk.check(buy(ETH, OKX, 2, 100)));
        risk.onPrice(0, 101);
        FlattenPlan plan = risk.engageKillSwitch();
        assertThat(plan.cancels()).containsExactly(new FlattenPlan.Cancel(working, ETH, OKX));
        assertThat(plan.flatten()).containsExactlyInAnyOrder(
                new OrderIntent(BTC, BINANCE, Side.SELL, 5, 101, true, 0),
                new OrderIntent(UNI, OKX, Side.BUY, 7, 100, true, 0));
        assertThat(events.plans).containsExactly(plan);
        assertThat(events.last().type()).isEqualTo(RiskEventType.KILL_SWITCH_ENGAGED);
        clock.advance(2, TimeUnit.DAYS);
        risk.onPrice(1, 100);
        assertThat(((Rejected) risk.check(buy(ETH, OKX, 1, 100))).reason()).isEqualTo(RiskReason.KILL_SWITCH);
        risk.resetKillSwitch();
        assertThat(risk.check(buy(ETH, OKX, 1, 100))).isInstanceOf(Approved.class);
    }

    @Test
    void theGlobalIntradayBreakerTripsOnDrawdownFromThePeakNotFromTheStart() {
        var risk = controller(RiskFixtures.wide()); // global intraday 3%, cool-down 15 min
        risk.onPrice(0, 1_000);
        risk.onFill(reservation(risk.check(buy(BTC, BINANCE, 10, 1_000))), 10, 1_000, 0);
        risk.onPrice(0, 1_100); // equity 101,000: the peak
        risk.onPrice(0, 800); // 98,000: drawdown 3,000 / 101,000 = 2.97% (from the start it would be 2%)
        assertThat(risk.globalBreakerTripped()).isFalse();
        risk.onPrice(0, 790); // 97,900: drawdown 3,100 / 101,000 = 3.07%
        assertThat(risk.globalBreakerTripped()).isTrue();
        var tripped = events.last();
        assertThat(tripped.type()).isEqualTo(RiskEventType.BREAKER_TRIPPED);
        assertThat(tripped.reason()).isEqualTo(RiskReason.INTRADAY_DRAWDOWN);
        assertThat(tripped.utilisation()).isCloseTo(3_100.0 / 101_000 / 0.03, within(1e-9));
        assertThat(((Rejected) risk.check(buy(ETH, BINANCE, 1, 100))).reason()).isEqualTo(RiskReason.GLOBAL_BREAKER);
        assertThat(risk.check(new OrderIntent(BTC, BINANCE, Side.SELL, 1, 790, true, 0))).isInstanceOf(Approved.class);
        clock.advance(15, TimeUnit.MINUTES);
        risk.onPrice(0, 790);
        assertThat(events.last().reason()).isEqualTo(RiskReason.COOL_DOWN_ENDED);
        assertThat(risk.check(buy(BTC, BINANCE, 1, 790))).isInstanceOf(Approved.class);
    }

    @Test
    void aCoinBreakerMakesOnlyThatCoinReduceOnlyUntilAManualReset() {
        var risk = controller(RiskFixtures.wide()); // per coin intraday 5% of the equity peak
        risk.onFill(reservation(risk.check(buy(UNI, BINANCE, 100, 100))), 100, 100, 0);
        risk.onPrice(2, 150); // UNI P&L +5,000, equity peak 105,000
        risk.onPrice(2, 98); // UNI P&L -200: it gave back 5,200 / 105,000 = 4.95% (and equity 3.05%: global trips too)
        assertThat(risk.coinBreakerTripped(UNI)).isFalse();
        risk.resetGlobalBreaker();
        risk.onPrice(2, 97.5); // -250: 5,250 / 105,000 = 5.0%
        assertThat(risk.coinBreakerTripped(UNI)).isTrue();
        assertThat(((Rejected) risk.check(buy(UNI, OKX, 1, 97.5))).reason()).isEqualTo(RiskReason.COIN_BREAKER);
        assertThat(risk.check(buy(BTC, OKX, 1, 100))).isInstanceOf(Approved.class);
        risk.resetCoinBreaker(2);
        assertThat(events.last().reason()).isEqualTo(RiskReason.MANUAL_RESET);
        assertThat(risk.check(buy(UNI, OKX, 1, 97.5))).isInstanceOf(Approved.class);
    }

    @Test
    void theRollingBreakerRemembersAPeakFromAnEarlierDay() {
        // global thresholds: intraday 3% never trips here (each day loses < 3%), rolling 8% over 7 days does
        // peak 102,000 on day 0; 93,800 on day 4 is 8,200 / 102,000 = 8.04% below it
        var breaker = new DrawdownBreaker(true);
        var limit = new DrawdownLimit(0.03, 0.08, Duration.ofDays(7));
        long day = 86_400_000_000L;
        long t0 = clock.epochMicros();
        assertThat(breaker.update(t0, 102_000, 0, limit, 1)).isNull();
        assertThat(breaker.update(t0 + day, 100_000, 0, limit, 1)).isNull(); // 1.96%
        assertThat(breaker.update(t0 + 2 * day, 98_000, 0, limit, 1)).isNull(); // intraday 0, rolling 3.9%
        assertThat(breaker.update(t0 + 3 * day, 96_000, 0, limit, 1)).isNull(); // rolling 5.9%
        assertThat(breaker.update(t0 + 4 * day, 93_800, 0, limit, 1)).isEqualTo(RiskReason.ROLLING_DRAWDOWN);
        // eight days later the old peak has left the window: a fresh breaker sees only recent values
        var later = new DrawdownBreaker(true);
        assertThat(later.update(t0, 102_000, 0, limit, 1)).isNull();
        assertThat(later.update(t0 + 8 * day, 93_800, 0, limit, 1)).isNull();
    }

    @Test
    void replacingLimitsKeepsReservationsAndAppliesAtOnce() {
        var risk = controller(RiskFixtures.limits(1, 50_000, 1e9, 1e9, 1e9, 1e9));
        long held = reservation(risk.check(buy(BTC, BINANCE, 300, 100)));
        risk.replaceLimits(RiskFixtures.limits(1, 20_000, 1e9, 1e9, 1e9, 1e9), new TradeLimits(500, 100));
        // 30,000 reserved stays; the coin is now above its 20,000 limit, so nothing more passes
        assertThat(risk.exposure(ExposureScope.COIN, 0)).isEqualTo(30_000);
        assertThat(((Rejected) risk.check(buy(BTC, OKX, 1, 100))).reason()).isEqualTo(RiskReason.COIN_LIMIT);
        risk.onCancel(held);
        assertThat(risk.check(buy(BTC, OKX, 250, 100)).quantity()).isCloseTo(200, within(1e-9));
        assertThat(risk.limits().limits().perCoin()).isEqualTo(20_000);
        assertThat(risk.audit()).isEmpty();
    }

    @Test
    void aThrottledOrderCutBelowTheMinimumNotionalIsRejected() {
        var base = RiskFixtures.limits(1, 50_000, 1e9, 1e9, 1e9, 1e9);
        var limits = new RiskLimits(1, base.limits(), base.drawdown(), base.coolDown(), base.stalePriceThreshold(), 5);
        var risk = controller(limits);
        risk.check(buy(BTC, BINANCE, 499.97, 100)); // 49,997 used, 3 left: below the 5 minimum
        assertThat(((Rejected) risk.check(buy(BTC, OKX, 1, 100))).reason()).isEqualTo(RiskReason.COIN_LIMIT);
        assertThat(risk.check(buy(BTC, OKX, 0.02, 100))).isInstanceOf(Approved.class); // 2 of notional, not cut
    }

    @Test
    void theHotPathVerdictMatchesTheDecisionAndUnknownHandlesAreIgnored() {
        var risk = controller(RiskFixtures.wide());
        var verdict = new RiskVerdict();
        risk.check(0, BINANCE.ordinal(), Side.BUY, 2, 100, false, 5, verdict);
        assertThat(verdict.outcome()).isEqualTo(RiskVerdict.Outcome.APPROVED);
        assertThat(verdict.toDecision(universe)).isEqualTo(new Approved(verdict.reservation(), 2));
        assertThat(risk.onFill(verdict.reservation() + 1, 1, 100, 0)).isFalse();
        risk.check(0, BINANCE.ordinal(), Side.BUY, -1, 100, false, 5, verdict);
        assertThat(verdict.reason()).isEqualTo(RiskReason.INVALID_INTENT);
    }

    @Test
    void anOrderAgainstAPositionIsNotCutByRoundingOfTheAverageEntry() {
        // regression: an average entry a hair above the price (booked cost is rounded to 1e-6) once made the net
        // side look binding, so such orders came back Reduced or were rejected after retries
        var risk = controller(RiskFixtures.wide());
        for (int i = 1; i <= 60; i++) {
            double price = 1 + i * 0.37;
            risk.onPrice(0, price);
            risk.onFill(reservation(risk.check(buy(BTC, BINANCE, 3, price))), 3, price, 0);
            var decision = risk.check(sell(BTC, BINANCE, 7.3, price));
            assertThat(decision).as("at %s", price).isEqualTo(new Approved(reservation(decision), 7.3));
            risk.onCancel(reservation(decision));
        }
        assertThat(risk.audit()).isEmpty();
    }
}
