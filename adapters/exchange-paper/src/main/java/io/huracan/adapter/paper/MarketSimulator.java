package io.huracan.adapter.paper;

import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.Regime;
import io.huracan.ports.market.ReplayableMarketDataFeed;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.market.Universe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic market for every coin of a {@link Universe} on every venue that lists it.
 *
 * <p>Each {@code update_interval} every coin moves by a return made of a market factor, its sector's factor and
 * its own noise, so coins of a sector move together more than coins of different sectors. Each sector is in a
 * {@link Regime} that switches at random (mean duration from the config): trends add a drift to the sector
 * factor, high volatility triples its volatility, ranging calms it. Every venue quotes the coin around its own
 * slowly wandering basis; spreads widen and top-of-book sizes shrink as the coin's realised volatility rises.
 * Trades print at the touch, funding rates of perpetuals lean with the trend.
 *
 * <p>All randomness comes from one {@link SplittableRandom} seeded from the config and all arithmetic is exact
 * IEEE or {@link StrictMath}, so the same seed gives the same events byte for byte, however {@link #advanceTo} is
 * called. Coins are updated in turn within an interval (coin {@code i} at {@code i / n} of it), so events arrive
 * in timestamp order. Events are generated whether or not someone listens; records are built only for listeners.
 *
 * <p>Not thread-safe for driving: one thread calls {@link #advanceTo}; {@link #subscribe} may come from any thread.
 */
public final class MarketSimulator implements ReplayableMarketDataFeed {
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;
    private static final double MARKET_VOL = 0.50;
    private static final double SECTOR_VOL = 0.35;
    private static final double TREND_PER_HOUR = 0.01;
    private static final double VOL_HALF_LIFE_SECONDS = 60;
    private static final double MAX_SPREAD_BPS = 500;
    private static final double BASIS_PERSISTENCE = 0.98;
    private static final double BASIS_NOISE_BPS = 0.3;
    private static final double BASE_FUNDING = 0.0001;
    private static final double MAX_FUNDING = 0.003;
    private static final Regime[] REGIMES = Regime.values();

    private final MarketSimulatorConfig config;
    private final String quoteCurrency;
    private final SeededNormal random;
    private final long stepMicros;
    private final long fundingIntervalMicros;
    private final long publishEverySteps;
    private final double regimeSwitchProbability;
    private final double volDecay;
    private final double marketStepVol;
    private final double sectorStepVol;
    private final double trendPerStep;

    // per coin
    private final int coinCount;
    private final Coin[] coins;
    private final int[] sectorOf;
    private final long[] offsetMicros;
    private final double[] marketBeta;
    private final double[] sectorBeta;
    private final double[] idioStepVol;
    private final double[] baseStepVariance;
    private final double[] variance;
    private final double[] mid;
    private final double[] baseSpreadBps;
    private final double[] baseTopNotional;
    private final double[] lastReturn;
    private final DecimalGrid[] tickGrid;
    private final DecimalGrid[] lotGrid;
    private final int[] firstVenue;
    private final int[] venueCount;

    // per sector
    private final Sector[] sectors;
    private final Regime[] regime;
    private final double[] sectorReturn;

    // per listing (coin x venue), grouped by coin
    private final ExchangeId[] venueOf;
    private final double[] basisBps;
    private final double[] venueSpreadFactor;
    private final double[] fundingRate;

    private final Map<Coin, Integer> coinIndex = new HashMap<>();
    private volatile MarketDataListener[][] listeners;

    private long step;
    private long stepStartMicros;
    private int cursor;
    private double marketReturn;

    public MarketSimulator(Universe universe, MarketSimulatorConfig config, long startMicros) {
        this.config = config;
        this.quoteCurrency = universe.quoteCurrency();
        this.random = new SeededNormal(new SplittableRandom(config.seed()));
        this.stepMicros = config.updateInterval().toNanos() / 1000;
        this.fundingIntervalMicros = config.fundingInterval().toNanos() / 1000;
        this.publishEverySteps = Math.max(1, config.fundingPublishInterval().toNanos() / 1000 / stepMicros);
        double stepSeconds = stepMicros / 1e6;
        this.regimeSwitchProbability = Math.min(1, stepSeconds / (config.meanRegimeDuration().toNanos() / 1e9));
        this.volDecay = StrictMath.pow(0.5, stepSeconds / VOL_HALF_LIFE_SECONDS);
        double perStep = Math.sqrt(stepSeconds / SECONDS_PER_YEAR) * config.volatilityScale();
        this.marketStepVol = MARKET_VOL * perStep;
        this.sectorStepVol = SECTOR_VOL * perStep;
        this.trendPerStep = TREND_PER_HOUR * stepSeconds / 3600 * config.volatilityScale();

        List<CoinListing> listings = universe.coins();
        coinCount = listings.size();
        coins = new Coin[coinCount];
        sectorOf = new int[coinCount];
        offsetMicros = new long[coinCount];
        marketBeta = new double[coinCount];
        sectorBeta = new double[coinCount];
        idioStepVol = new double[coinCount];
        baseStepVariance = new double[coinCount];
        variance = new double[coinCount];
        mid = new double[coinCount];
        baseSpreadBps = new double[coinCount];
        baseTopNotional = new double[coinCount];
        lastReturn = new double[coinCount];
        tickGrid = new DecimalGrid[coinCount];
        lotGrid = new DecimalGrid[coinCount];
        firstVenue = new int[coinCount];
        venueCount = new int[coinCount];

        List<Sector> sectorList = new ArrayList<>();
        List<ExchangeId> venues = new ArrayList<>();
        for (int i = 0; i < coinCount; i++) {
            CoinListing listing = listings.get(i);
            coins[i] = listing.symbol();
            coinIndex.put(listing.symbol(), i);
            int sector = sectorList.indexOf(listing.sector());
            if (sector < 0) {
                sector = sectorList.size();
                sectorList.add(listing.sector());
            }
            sectorOf[i] = sector;
            offsetMicros[i] = stepMicros * i / coinCount;
            firstVenue[i] = venues.size();
            // ExchangeId order, not the listing's Set order, so the session does not depend on hashing
            for (ExchangeId venue : ExchangeId.values()) {
                if (listing.exchanges().contains(venue)) {
                    venues.add(venue);
                }
            }
            venueCount[i] = venues.size() - firstVenue[i];
        }
        sectors = sectorList.toArray(new Sector[0]);
        regime = new Regime[sectors.length];
        sectorReturn = new double[sectors.length];
        venueOf = venues.toArray(new ExchangeId[0]);
        basisBps = new double[venueOf.length];
        venueSpreadFactor = new double[venueOf.length];
        fundingRate = new double[venueOf.length];
        listeners = new MarketDataListener[coinCount][0];

        for (int s = 0; s < sectors.length; s++) {
            regime[s] = REGIMES[(int) (random.uniform() * REGIMES.length)];
        }
        for (int i = 0; i < coinCount; i++) {
            // earlier coins in the universe are the bigger, more liquid ones
            double rank = coinCount == 1 ? 0 : (double) i / (coinCount - 1);
            mid[i] = StrictMath.pow(10, random.uniform(-2, 4.7));
            marketBeta[i] = random.uniform(0.8, 1.2);
            sectorBeta[i] = random.uniform(0.8, 1.2);
            idioStepVol[i] = random.uniform(0.3, 0.7) * (1 + rank) * perStep;
            double total = marketBeta[i] * marketBeta[i] * marketStepVol * marketStepVol
                    + sectorBeta[i] * sectorBeta[i] * sectorStepVol * sectorStepVol
                    + idioStepVol[i] * idioStepVol[i];
            baseStepVariance[i] = total;
            variance[i] = total;
            baseSpreadBps[i] = random.uniform(0.5, 2.0) * (1 + 9 * rank);
            baseTopNotional[i] = random.uniform(20_000, 80_000) / (1 + 19 * rank);
            tickGrid[i] = DecimalGrid.significantDigits(mid[i], 5);
            lotGrid[i] = new DecimalGrid(DecimalGrid.decimalExponent(mid[i]) + 3);
            for (int v = firstVenue[i]; v < firstVenue[i] + venueCount[i]; v++) {
                venueSpreadFactor[v] = random.uniform(0.9, 1.3);
                basisBps[v] = random.next() * BASIS_NOISE_BPS;
                fundingRate[v] = BASE_FUNDING + random.next() * 0.00005;
            }
        }
        this.stepStartMicros = startMicros;
    }

    /** The instruments the simulated venues list, with tick and lot sizes fitted to each coin's starting price. */
    public List<Instrument> instruments() {
        List<Instrument> result = new ArrayList<>(venueOf.length);
        for (int i = 0; i < coinCount; i++) {
            for (int v = firstVenue[i]; v < firstVenue[i] + venueCount[i]; v++) {
                result.add(new Instrument(coins[i], venueOf[v], config.market(), quoteCurrency, tickGrid[i].step(),
                        lotGrid[i].step(), config.minNotional()));
            }
        }
        return result;
    }

    /** The regime the coin's sector is in now. */
    public Regime regime(Coin coin) {
        return regime[sectorOf[indexOf(coin)]];
    }

    /** The coin's current mid price before venue basis. */
    public double midPrice(Coin coin) {
        return mid[indexOf(coin)];
    }

    @Override
    public synchronized Subscription subscribe(Set<Coin> subscribed, MarketDataListener listener) {
        int[] indices = subscribed.stream().mapToInt(this::indexOf).toArray();
        MarketDataListener[][] next = listeners.clone();
        for (int i : indices) {
            next[i] = Arrays.copyOf(next[i], next[i].length + 1);
            next[i][next[i].length - 1] = listener;
        }
        listeners = next;
        return () -> unsubscribe(indices, listener);
    }

    private synchronized void unsubscribe(int[] indices, MarketDataListener listener) {
        MarketDataListener[][] next = listeners.clone();
        for (int i : indices) {
            next[i] = Arrays.stream(next[i]).filter(l -> l != listener).toArray(MarketDataListener[]::new);
        }
        listeners = next;
    }

    @Override
    public long nextEventMicros() {
        return coinCount == 0 ? Long.MAX_VALUE : stepStartMicros + offsetMicros[cursor];
    }

    @Override
    public long advanceTo(long epochMicros) {
        long events = 0;
        if (coinCount == 0) {
            return 0;
        }
        MarketDataListener[][] current = listeners;
        while (stepStartMicros + offsetMicros[cursor] <= epochMicros) {
            if (cursor == 0) {
                beginStep();
            }
            events += updateCoin(cursor, stepStartMicros + offsetMicros[cursor], current[cursor]);
            if (++cursor == coinCount) {
                cursor = 0;
                step++;
                stepStartMicros += stepMicros;
            }
        }
        return events;
    }

    private void beginStep() {
        marketReturn = marketStepVol * random.next();
        for (int s = 0; s < sectors.length; s++) {
            if (random.uniform() < regimeSwitchProbability) {
                int next = (regime[s].ordinal() + 1 + (int) (random.uniform() * (REGIMES.length - 1))) % REGIMES.length;
                regime[s] = REGIMES[next];
            }
            sectorReturn[s] = trend(regime[s]) + volatilityMultiplier(regime[s]) * sectorStepVol * random.next();
        }
    }

    private double trend(Regime r) {
        return switch (r) {
            case TRENDING_UP -> trendPerStep;
            case TRENDING_DOWN -> -trendPerStep;
            case RANGING, HIGH_VOLATILITY -> 0;
        };
    }

    private static double volatilityMultiplier(Regime r) {
        return switch (r) {
            case RANGING -> 0.7;
            case TRENDING_UP, TRENDING_DOWN -> 1.0;
            case HIGH_VOLATILITY -> 3.0;
        };
    }

    private long updateCoin(int i, long now, MarketDataListener[] to) {
        int sector = sectorOf[i];
        double r = marketBeta[i] * marketReturn + sectorBeta[i] * sectorReturn[sector]
                + volatilityMultiplier(regime[sector]) * idioStepVol[i] * random.next();
        r = Math.max(-0.5, Math.min(0.5, r));
        lastReturn[i] = r;
        mid[i] *= 1 + r + 0.5 * r * r;
        variance[i] = volDecay * variance[i] + (1 - volDecay) * r * r;
        double volRatio = Math.sqrt(variance[i] / baseStepVariance[i]);
        double spreadBps = Math.min(MAX_SPREAD_BPS, baseSpreadBps[i] * (0.6 + 0.4 * volRatio));
        double topQuantity = baseTopNotional[i] / (0.5 + 0.5 * volRatio) / mid[i];
        double tradeProbability = Math.min(0.9, 0.3 * volRatio);
        double stepVol = Math.sqrt(baseStepVariance[i]);
        double buyProbability = 0.5 + 0.4 * r / (Math.abs(r) + stepVol);

        long events = 0;
        boolean publishFunding = config.market() == InstrumentKind.PERPETUAL && step % publishEverySteps == 0;
        DecimalGrid ticks = tickGrid[i];
        DecimalGrid lots = lotGrid[i];
        for (int v = firstVenue[i], end = firstVenue[i] + venueCount[i]; v < end; v++) {
            basisBps[v] = BASIS_PERSISTENCE * basisBps[v] + BASIS_NOISE_BPS * random.next();
            double venueMid = mid[i] * (1 + basisBps[v] * 1e-4);
            double halfSpread = spreadBps * venueSpreadFactor[v] * 0.5e-4;
            long bidTicks = Math.max(1, ticks.floorUnits(venueMid * (1 - halfSpread)));
            long askTicks = Math.max(bidTicks + 1, ticks.ceilUnits(venueMid * (1 + halfSpread)));
            long bidLots = Math.max(1, lots.floorUnits(topQuantity * random.uniform(0.5, 1.5)));
            long askLots = Math.max(1, lots.floorUnits(topQuantity * random.uniform(0.5, 1.5)));
            boolean trades = random.uniform() < tradeProbability;
            boolean buyAggressor = random.uniform() < buyProbability;
            long tradeLots = Math.max(1, lots.floorUnits(topQuantity * random.uniform(0.05, 0.6)));
            if (publishFunding) {
                double lean = trend(regime[sector]) / Math.max(trendPerStep, 1e-12) * 0.0002;
                fundingRate[v] = 0.9 * fundingRate[v] + 0.1 * (BASE_FUNDING + lean) + 0.00002 * random.next();
                fundingRate[v] = Math.max(-MAX_FUNDING, Math.min(MAX_FUNDING, fundingRate[v]));
                events++;
            }
            events += trades ? 2 : 1;
            if (to.length == 0) {
                continue;
            }
            ExchangeId venue = venueOf[v];
            if (publishFunding) {
                long nextFunding = (Math.floorDiv(now, fundingIntervalMicros) + 1) * fundingIntervalMicros;
                FundingRate funding = new FundingRate(coins[i], venue, now, fundingRate[v], nextFunding,
                        fundingIntervalMicros);
                for (MarketDataListener listener : to) {
                    listener.onFundingRate(funding);
                }
            }
            BookTop top = new BookTop(coins[i], venue, now, ticks.toDouble(bidTicks), lots.toDouble(bidLots),
                    ticks.toDouble(askTicks), lots.toDouble(askLots));
            for (MarketDataListener listener : to) {
                listener.onBookTop(top);
            }
            if (trades) {
                Trade trade = new Trade(coins[i], venue, now, ticks.toDouble(buyAggressor ? askTicks : bidTicks),
                        lots.toDouble(tradeLots), buyAggressor ? Side.BUY : Side.SELL);
                for (MarketDataListener listener : to) {
                    listener.onTrade(trade);
                }
            }
        }
        return events;
    }

    private int indexOf(Coin coin) {
        Integer index = coinIndex.get(coin);
        if (index == null) {
            throw new IllegalArgumentException("coin " + coin + " is not in the simulated universe");
        }
        return index;
    }
}
