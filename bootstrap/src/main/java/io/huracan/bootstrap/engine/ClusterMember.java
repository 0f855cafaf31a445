package io.huracan.bootstrap.engine;

import io.huracan.domain.cluster.ClusterTimings;
import io.huracan.domain.cluster.CoinHandover;
import io.huracan.domain.cluster.CoinOwnership;
import io.huracan.domain.loop.EventLoopManager;
import io.huracan.domain.pipeline.CoinTrading;
import io.huracan.domain.pipeline.FlattenRequest;
import io.huracan.domain.risk.RiskController;
import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.time.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * This process as a member of a cluster: runs {@link CoinOwnership}'s rounds on its own thread once the market has
 * caught up with the cluster's, and carries out what they decide on the engine. A coin taken: the risk controller
 * learns the lease's token, the event loops adopt the coin, the feed starts sending its market (and the venues' current
 * funding rates, published only every few minutes, are handed to it at once). A coin handed
 * over: no new entries, its position closed, then (settled) the feed stops, the loops drop it and the lease goes. A
 * coin lost: fenced at once, its working order cancelled, dropped. Stopping hands every coin over the same way
 * (for at most {@code drainTimeout}) while the market still runs, then leaves.
 */
final class ClusterMember implements ManagedService, CoinHandover {
    private static final Logger log = LoggerFactory.getLogger(ClusterMember.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    private static final long DRAIN_ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final CoinOwnership ownership;
    private final ClusterTimings timings;
    private final RiskController risk;
    private final EventLoopManager<CoinTrading, Object> loops;
    private final MarketRouter router;
    private final MarketDataFeed feed;
    private final ExchangeGateway gateway;
    private final SharedExposure shared;
    private final EngineEvents events;
    private final SimulatedMarketDriver driver;
    private final Duration drainTimeout;
    /** Touched on the member's thread only. */
    private final Set<Coin> trading = new TreeSet<>();
    private final Map<Coin, MarketDataFeed.Subscription> subscriptions = new HashMap<>();
    private final Map<Coin, Long> tokens = new HashMap<>();
    private volatile boolean stopping;
    private Thread thread;

    ClusterMember(String member, List<Coin> universe, ClusterTimings timings, CoinLeases leases,
                  ClusterMembership membership, SharedExposure shared, RiskController risk,
                  EventLoopManager<CoinTrading, Object> loops, MarketRouter router, MarketDataFeed feed,
                  ExchangeGateway gateway, EngineEvents events, SimulatedMarketDriver driver, EngineClock clock,
                  Duration drainTimeout) {
        this.ownership = new CoinOwnership(member, universe, timings, leases, membership, this, clock);
        this.timings = timings;
        this.risk = risk;
        this.loops = loops;
        this.router = router;
        this.feed = feed;
        this.gateway = gateway;
        this.shared = shared;
        this.events = events;
        this.driver = driver;
        this.drainTimeout = drainTimeout;
    }

    CoinOwnership ownership() {
        return ownership;
    }

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public void start() throws InterruptedException {
        if (!driver.awaitCaughtUp(CATCH_UP_TIMEOUT)) {
            throw new IllegalStateException("the market did not catch up with the cluster's within "
                    + CATCH_UP_TIMEOUT.toMinutes() + " min" + (driver.failure() == null ? ""
                    : ": " + driver.failure()));
        }
        thread = new Thread(this::run, "huracan-cluster");
        thread.setDaemon(true);
        thread.start();
        log.info("cluster: {} joined ({} renewal, {} lease)", ownership.member(), timings.renewInterval(),
                timings.leaseTtl());
    }

    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            thread.join(drainTimeout.plus(timings.leaseTtl()).toMillis());
        }
    }

    private void run() {
        long interval = timings.renewInterval().toNanos();
        long next = System.nanoTime();
        while (!stopping) {
            round();
            next += interval;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        ownership.drain();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (!ownership.owned().isEmpty() && System.nanoTime() < deadline) {
            round();
            LockSupport.parkNanos(DRAIN_ROUND_NANOS);
        }
        if (!ownership.owned().isEmpty()) {
            log.warn("cluster: {} coins were not settled within {}; released as they are: {}",
                    ownership.owned().size(), drainTimeout, ownership.owned());
        }
        ownership.leave();
        log.info("cluster: {} left", ownership.member());
    }

    private void round() {
        try {
            ownership.tick();
        } catch (RuntimeException e) {
            log.warn("cluster: round failed: {}", e.toString());
        }
        risk.leasesValidUntil(ownership.validUntilNanos());
        try {
            risk.refreshSharedTotals();
        } catch (UncheckedIOException e) {
            // the admission step reads the real totals anyway; the next round tries again
        }
    }

    // ------------------------------------------------------------------------------------------ hand-over

    @Override
    public void start(List<CoinLease> leases) {
        for (CoinLease lease : leases) {
            risk.assignLease(risk.universe().coinIndex(lease.coin()), lease.fencingToken());
            tokens.put(lease.coin(), lease.fencingToken());
            trading.add(lease.coin());
        }
        loops.setActiveCoins(trading);
        for (CoinLease lease : leases) {
            subscriptions.put(lease.coin(), feed.subscribe(Set.of(lease.coin()), router));
            for (ExchangeId venue : gateway.venues()) {
                gateway.fundingRate(lease.coin(), venue).ifPresent(router::onFundingRate);
            }
            events.coinAcquired(lease.coin(), lease.fencingToken());
        }
        log.info("cluster: took {} coins (now {}): {}", leases.size(), trading.size(), shortList(leases.stream()
                .map(l -> l.coin() + "#" + l.fencingToken()).toList()));
    }

    @Override
    public void beginRelease(Coin coin) {
        risk.beginHandover(risk.universe().coinIndex(coin));
        router.routeControl(coin, new FlattenRequest(coin));
    }

    @Override
    public boolean settled(Coin coin) {
        return risk.isSettled(risk.universe().coinIndex(coin));
    }

    @Override
    public void stop(List<Coin> coins, boolean lost) {
        List<Coin> stopped = coins.stream().filter(trading::contains).toList();
        if (stopped.isEmpty()) {
            return;
        }
        for (Coin coin : stopped) {
            MarketDataFeed.Subscription subscription = subscriptions.remove(coin);
            if (subscription != null) {
                subscription.close();
            }
            if (lost) {
                risk.revokeLease(risk.universe().coinIndex(coin)); // fenced at once; the flatten only cancels
                router.routeControl(coin, new FlattenRequest(coin));
            }
        }
        trading.removeAll(stopped);
        loops.setActiveCoins(trading);
        for (Coin coin : stopped) {
            risk.revokeLease(risk.universe().coinIndex(coin));
        }
        if (!lost && !shared.flush(timings.renewInterval())) {
            log.warn("cluster: {} coins' last exposure not yet written when their leases go; the next holder "
                    + "replaces it", shared.pendingWrites());
        }
        for (Coin coin : stopped) {
            events.coinReleased(coin, tokens.remove(coin), lost);
        }
        log.info("cluster: {} {} coins (now {}): {}", lost ? "lost" : "handed over", stopped.size(), trading.size(),
                shortList(stopped));
    }

    private static String shortList(List<?> items) {
        return items.size() <= 12 ? items.toString()
                : items.subList(0, 12).toString().replace("]", ", ... " + (items.size() - 12) + " more]");
    }
}
