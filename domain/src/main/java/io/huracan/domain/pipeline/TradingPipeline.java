package io.huracan.domain.pipeline;

import io.huracan.domain.cost.CoinIndex;
import io.huracan.domain.cost.CoinRanking;
import io.huracan.domain.cost.CoinSignals;
import io.huracan.domain.cost.CostModel;
import io.huracan.domain.cost.CostPredictionLedger;
import io.huracan.domain.cost.RankingKey;
import io.huracan.domain.loop.CoinEventHandler;
import io.huracan.domain.loop.CoinStage;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.signal.ActiveModelTable;
import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.order.Order;
import io.huracan.ports.time.EngineClock;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The trading pipeline as an event-loop stage (docs/pipeline.md): each coin's market data updates its features,
 * cost trackers and risk marks; at most once per evaluation interval the regime and the active models give a
 * predicted return, the cost model costs it on every venue that lists the coin, the best venue by edge after cost
 * is chosen, the risk controller approves, reduces or rejects, and the order goes out through the exchange port.
 * Executions come back on the coin's loop and update positions, risk and the cost ledger.
 *
 * <p>Every coin of the universe runs through the loops, so every coin has features and a current signal; the
 * active set (the top K coins by edge after cost, {@link #rerank}) decides which coins may open trades. A coin
 * that leaves the active set only closes what it holds.
 */
public final class TradingPipeline implements CoinStage<CoinTrading, Object> {
    final CoinIndex coins;
    final CostModel costModel;
    final RiskController risk;
    final ActiveModelTable models;
    final ExchangeGateway gateway;
    final StrategyParams strategy;
    final EngineClock clock;
    final PipelineListener listener;
    final CostPredictionLedger ledger;
    final String orderIdPrefix;
    /** Instrument per (exchange, coin) slot of {@link CoinIndex}; null where the venue does not list the coin. */
    final Instrument[] instruments;
    /** Venues trading each coin, by coin index. */
    final ExchangeId[][] venues;
    final long horizonMicros;
    final long evaluationMicros;

    private final CoinSignals signals;
    private final CoinRanking ranking;
    private final List<PipelineCounters> counters = new CopyOnWriteArrayList<>();
    private final int[] topCoins;
    private volatile boolean[] active;
    private volatile int activeCount;

    /**
     * @param orderIdPrefix a short prefix unique to this session, so client order ids never repeat across runs
     * @param activeCount   how many coins may open trades (engine.universe.active_coins)
     */
    public TradingPipeline(CoinIndex coins, CostModel costModel, RiskController risk, ActiveModelTable models,
                           ExchangeGateway gateway, StrategyParams strategy, EngineClock clock,
                           PipelineListener listener, CostPredictionLedger ledger, String orderIdPrefix,
                           int activeCount) {
        if (risk.universe().coinCount() != coins.size()) {
            throw new IllegalArgumentException("risk universe of " + risk.universe().coinCount()
                    + " coins and cost index of " + coins.size() + " coins differ; both must come from one Universe");
        }
        this.coins = coins;
        this.costModel = costModel;
        this.risk = risk;
        this.models = models;
        this.gateway = gateway;
        this.strategy = strategy;
        this.clock = clock;
        this.listener = listener;
        this.ledger = ledger;
        this.orderIdPrefix = orderIdPrefix;
        this.horizonMicros = strategy.holdingHorizon().toNanos() / 1_000;
        this.evaluationMicros = strategy.evaluationInterval().toNanos() / 1_000;
        this.instruments = new Instrument[coins.slots()];
        var kinds = new EnumMap<ExchangeId, InstrumentKind>(ExchangeId.class);
        List<List<ExchangeId>> byCoin = new ArrayList<>();
        for (int c = 0; c < coins.size(); c++) {
            byCoin.add(new ArrayList<>());
        }
        for (Instrument instrument : gateway.instruments()) {
            int coin = coins.indexOf(instrument.coin());
            if (coin < 0) {
                continue;
            }
            instruments[coins.slot(instrument.exchange().ordinal(), coin)] = instrument;
            byCoin.get(coin).add(instrument.exchange());
            kinds.put(instrument.exchange(), instrument.kind());
        }
        this.venues = byCoin.stream().map(list -> list.toArray(ExchangeId[]::new)).toArray(ExchangeId[][]::new);
        this.signals = new CoinSignals(coins.size());
        this.ranking = new CoinRanking(costModel, kinds, RankingKey.EDGE_AFTER_COST);
        this.topCoins = new int[coins.size()];
        this.active = new boolean[coins.size()];
        setActiveCount(activeCount);
    }

    /**
     * A coin's fresh state. Its client order ids are {@code <session>-<coin>-<n>}; in a cluster, where the coin's
     * state is created anew under each lease, {@code <coin>-<token>-<n>} with the lease's fencing token and the
     * sequence in base 36, so that ids are unique across processes and runs on one Redis, and every order names the
     * lease it went out under (at most 32 characters for symbols up to 20 and 1.6 M orders per lease).
     */
    @Override
    public CoinTrading newCoinState(Coin coin) {
        int index = coins.indexOf(coin);
        if (index < 0) {
            throw new IllegalArgumentException("coin " + coin + " is not in the universe");
        }
        long token = risk.sharesExposure() ? risk.fencingToken(index) : 0;
        return new CoinTrading(coin, index, token == 0 ? orderIdPrefix + "-" + coin.symbol()
                : coin.symbol() + "-" + Long.toString(token, 36));
    }

    /**
     * Whether this session sent the order, by its client order id (see {@link #newCoinState}): an account may hold
     * orders placed by hand or by another program, which are not the session's to cancel.
     */
    public boolean placedBySession(Order order) {
        String id = order.clientOrderId().value();
        String coin = order.coin().symbol();
        return id.startsWith(orderIdPrefix + "-" + coin + "-") || (risk.sharesExposure() && id.startsWith(coin + "-"));
    }

    @Override
    public CoinEventHandler<CoinTrading, Object> newHandler(int loopIndex) {
        var own = new PipelineCounters();
        counters.add(own);
        return new TradingHandler(this, own);
    }

    /** Counts summed over every loop handler, including those of loops that restarted. */
    public PipelineStats stats() {
        return PipelineStats.sum(counters);
    }

    /**
     * Events every handler has fully handled so far. A driver that offered N events knows all their effects
     * (orders placed, risk updated) are visible once this reaches N: the step barrier of a simulated session.
     */
    public long processedEvents() {
        long total = 0;
        for (PipelineCounters c : counters) {
            total += c.events;
        }
        return total;
    }

    /**
     * When a coin evaluates next, strictly after {@code nowMicros}: on a grid of the evaluation interval, shifted per
     * coin by the golden-ratio sequence of its index. Coins evaluate at the same rate but at spread-out moments of
     * the interval, so a market step that updates every coin at once does not make every coin evaluate at once
     * (which queued hundreds of evaluations behind each other). Deterministic, so a seeded session stays repeatable.
     */
    long nextEvaluationAfter(long nowMicros, int coinIndex) {
        double golden = coinIndex * 0.6180339887498949;
        long phase = (long) ((golden - Math.floor(golden)) * evaluationMicros);
        return nowMicros - Math.floorMod(nowMicros - phase, evaluationMicros) + evaluationMicros;
    }

    /** How many coins may open trades; takes effect at the next {@link #rerank}. */
    public void setActiveCount(int count) {
        if (count < 0 || count > coins.size()) {
            throw new IllegalArgumentException("active coins " + count + " is out of range [0, " + coins.size() + "]");
        }
        this.activeCount = count;
    }

    public int activeCount() {
        return activeCount;
    }

    /**
     * Ranks every coin with a current signal by edge after cost and makes the top {@code activeCount} the active
     * set. Reads what the loops wrote without stopping them, so a rank is a recent picture rather than a frozen
     * one; the simulated session calls it between steps, when the loops are idle, which keeps runs reproducible.
     */
    public List<Coin> rerank(long nowMicros) {
        ranking.rank(signals, nowMicros);
        int top = ranking.topK(activeCount, topCoins);
        boolean[] next = new boolean[coins.size()];
        List<Coin> chosen = new ArrayList<>(top);
        for (int i = 0; i < top; i++) {
            next[topCoins[i]] = true;
            chosen.add(coins.coin(topCoins[i]));
        }
        active = next;
        return chosen;
    }

    /** The coins that may open trades now. */
    public List<Coin> activeCoins() {
        boolean[] current = active;
        List<Coin> list = new ArrayList<>();
        for (int c = 0; c < current.length; c++) {
            if (current[c]) {
                list.add(coins.coin(c));
            }
        }
        return list;
    }

    /** Ranking skips by reason in the last rerank, for reports. */
    public Map<String, Long> rankingSkips() {
        Map<String, Long> skips = new TreeMap<>();
        for (CostSkipReason reason : CostSkipReason.values()) {
            long count = ranking.skipped(reason);
            if (count > 0) {
                skips.put(reason.key(), count);
            }
        }
        return skips;
    }

    boolean isActive(int coin) {
        return active[coin];
    }

    CoinSignals signals() {
        return signals;
    }

    Instrument instrument(ExchangeId venue, int coin) {
        return instruments[coins.slot(venue.ordinal(), coin)];
    }
}
