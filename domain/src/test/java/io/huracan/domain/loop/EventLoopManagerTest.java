package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventLoopManagerTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2024-06-01T00:00:00Z"));
    private final RecordingStage stage = new RecordingStage();
    private final RecordingListener listener = new RecordingListener();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory threadFactory = runnable -> {
        var thread = new Thread(runnable, "loop-test-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    };
    private EventLoopManager<CoinLog, Object> manager;

    private static EventLoopConfig config(int coinsPerLoop, int capacity, BackpressurePolicy policy, Duration shutdown) {
        return new EventLoopConfig(coinsPerLoop, capacity, policy, IdleMode.BACKOFF, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(5), shutdown);
    }

    private EventLoopManager<CoinLog, Object> manager(EventLoopConfig config) {
        manager = new EventLoopManager<>(config, stage, clock, threadFactory, BackoffIdleStrategy::new, listener);
        return manager;
    }

    @AfterEach
    void stop() {
        stage.gate.countDown();
        if (manager != null) {
            manager.shutdown();
        }
    }

    private static List<Coin> coins(int count) {
        return IntStream.range(0, count).mapToObj(i -> Coin.of("C" + i)).toList();
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void fourHundredCoinsRunOnEightLoopsOfFifty() {
        var loops = manager(config(50, 1024, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        Rebalance rebalance = loops.setActiveCoins(coins(400));
        assertThat(rebalance).isEqualTo(new Rebalance(8, 400, 0, 0, true));
        assertThat(loops.health()).hasSize(8).allSatisfy(health -> {
            assertThat(health.coins()).isEqualTo(50);
            assertThat(health.running()).isTrue();
        });
        assertThat(stage.states).hasSize(400);
    }

    @Test
    void eachCoinsEventsAreHandledInOrderByTheOneLoopThatOwnsIt() {
        var loops = manager(config(5, 64, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        loops.setActiveCoins(coins(10));
        for (int i = 0; i < 2_000; i++) {
            for (Coin coin : coins(10)) {
                assertThat(loops.offer(coin, i)).isEqualTo(OfferResult.ACCEPTED);
            }
        }
        ShutdownReport report = loops.shutdown();
        assertThat(report.clean()).isTrue();
        assertThat(report.unprocessedTotal()).isZero();
        for (Coin coin : coins(10)) {
            CoinLog log = stage.states.get(coin);
            assertThat(log.events).as(coin.symbol()).isEqualTo(IntStream.range(0, 2_000).boxed().toList());
            assertThat(log.threads).hasSize(1);
            assertThat(log.releases).containsExactly(CoinRelease.SHUTDOWN);
        }
        assertThat(stage.concurrentAccess).isFalse();
        assertThat(loops.assignment()).hasSize(10);
    }

    @Test
    void aChangeOfActiveCoinsMovesStateWithTheCoinWhileEventsKeepFlowing() throws Exception {
        var loops = manager(config(2, 16, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        loops.setActiveCoins(coins(4));
        Map<Coin, CoinLog> before = new HashMap<>(stage.states);
        var running = new AtomicBoolean(true);
        Map<Coin, List<Integer>> accepted = new ConcurrentHashMap<>();
        Thread producer = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                for (Coin coin : coins(6)) {
                    if (loops.offer(coin, i) == OfferResult.ACCEPTED) {
                        accepted.computeIfAbsent(coin, c -> Collections.synchronizedList(new ArrayList<>())).add(i);
                    }
                }
                i++;
            }
        });
        producer.start();
        Thread.sleep(50);
        assertThat(loops.setActiveCoins(coins(6))).satisfies(r -> {
            assertThat(r.loops()).isEqualTo(3);
            assertThat(r.added()).isEqualTo(2);
            assertThat(r.completed()).isTrue();
        });
        Thread.sleep(50);
        Rebalance shrink = loops.setActiveCoins(List.of(Coin.of("C0"), Coin.of("C1"), Coin.of("C5")));
        assertThat(shrink.loops()).isEqualTo(2);
        assertThat(shrink.removed()).isEqualTo(3);
        assertThat(shrink.completed()).isTrue();
        Thread.sleep(50);
        running.set(false);
        producer.join();
        assertThat(loops.shutdown().clean()).isTrue();

        assertThat(stage.concurrentAccess).as("a coin's state was touched by two threads at once").isFalse();
        for (Coin coin : List.of(Coin.of("C0"), Coin.of("C1"))) {
            assertThat(stage.states.get(coin)).as("state object kept").isSameAs(before.get(coin));
        }
        for (Coin coin : coins(6)) {
            CoinLog log = stage.states.get(coin);
            assertThat(log.events).as(coin + " saw every accepted event in order")
                    .isEqualTo(accepted.getOrDefault(coin, List.of())); // a coin can come and go before any offer lands
        }
        for (Coin removed : List.of(Coin.of("C2"), Coin.of("C3"), Coin.of("C4"))) {
            assertThat(stage.states.get(removed).releases).last().isEqualTo(CoinRelease.REMOVED);
        }
        assertThat(stage.states.values().stream().flatMap(log -> log.releases.stream()))
                .contains(CoinRelease.MOVED);
        assertThat(threads.stream().filter(t -> t.getName().startsWith("loop-test")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aLoopWhoseHandlerThrowsIsRestartedAndKeepsItsCoinsState() throws Exception {
        var loops = manager(config(50, 64, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        Coin coin = Coin.of("BTC");
        loops.setActiveCoins(List.of(coin));
        loops.offer(coin, 1);
        loops.offer(coin, "boom");
        loops.offer(coin, 2);
        waitUntil("the event after the failure is handled", () -> stage.states.get(coin).events.contains(2));
        assertThat(stage.states.get(coin).events).containsExactly(1, 2);
        assertThat(listener.restarts).containsExactly("0:BTC:1:boom");
        assertThat(stage.handlersMade.get()).isEqualTo(2);
        assertThat(stage.assigned).containsExactly("BTC", "BTC"); // the new handler is told its coins again
        LoopHealth health = loops.health().get(0);
        assertThat(health.restarts()).isEqualTo(1);
        assertThat(health.failedEvents()).isEqualTo(1);
        assertThat(loops.shutdown().failedEvents()).isEqualTo(1);
    }

    @Test
    void aLoopWithoutHeartbeatIsReportedStalledAndThenRecovered() throws Exception {
        var loops = manager(config(50, 64, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        Coin coin = Coin.of("ETH");
        loops.setActiveCoins(List.of(coin));
        loops.offer(coin, "block");
        waitUntil("the handler is blocked", () -> stage.blocked.get() == 1);
        clock.advance(Duration.ofSeconds(6));
        List<LoopHealth> health = loops.checkHealth();
        assertThat(health.get(0).stalled()).isTrue();
        assertThat(health.get(0).heartbeatAgeNanos()).isGreaterThanOrEqualTo(Duration.ofSeconds(6).toNanos());
        assertThat(listener.stalled).containsExactly(0);

        stage.gate.countDown();
        waitUntil("the loop beats again", () -> !loops.health().get(0).stalled());
        loops.checkHealth();
        assertThat(listener.recovered).containsExactly(0);
        assertThat(listener.stalled).containsExactly(0);
    }

    @Test
    void shutdownDrainsFlushesClosesAndThenRefuses() {
        var loops = manager(config(50, 1024, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        Coin coin = Coin.of("SOL");
        loops.setActiveCoins(List.of(coin));
        for (int i = 0; i < 500; i++) {
            loops.offer(coin, i);
        }
        ShutdownReport report = loops.shutdown();
        assertThat(report.clean()).isTrue();
        assertThat(stage.states.get(coin).events).hasSize(500);
        assertThat(stage.flushes.get()).isPositive();
        assertThat(stage.closed.get()).isEqualTo(1);
        assertThat(loops.offer(coin, 501)).isEqualTo(OfferResult.CLOSED);
        assertThat(loops.shutdown()).isSameAs(report);
    }

    @Test
    void whatTheShutdownTimeoutLeavesIsReportedPerCoin() {
        var loops = manager(config(50, 4096, BackpressurePolicy.BLOCK, Duration.ofMillis(300)));
        Coin coin = Coin.of("ADA");
        loops.setActiveCoins(List.of(coin));
        stage.slowNanos = TimeUnit.MILLISECONDS.toNanos(2);
        for (int i = 0; i < 1_000; i++) {
            loops.offer(coin, i);
        }
        ShutdownReport report = loops.shutdown();
        assertThat(report.clean()).isFalse();
        assertThat(report.stuckLoops()).isEmpty();
        long left = report.unprocessedByCoin().get(coin);
        assertThat(left).isPositive();
        assertThat(stage.states.get(coin).events.size() + left).isEqualTo(1_000);
        assertThat(stage.closed.get()).isEqualTo(1); // an aborted loop still flushes and closes
    }

    @Test
    void aLoopThatCannotStopIsReportedWithWhatItHeld() {
        var loops = manager(config(50, 64, BackpressurePolicy.BLOCK, Duration.ofMillis(200)));
        Coin coin = Coin.of("DOT");
        loops.setActiveCoins(List.of(coin));
        loops.offer(coin, "block");
        for (int i = 0; i < 10; i++) {
            loops.offer(coin, i);
        }
        ShutdownReport report = loops.shutdown();
        assertThat(report.clean()).isFalse();
        assertThat(report.stuckLoops()).containsExactly(0);
        assertThat(report.unprocessedInStuckLoops()).isEqualTo(10);
        assertThat(report.unprocessedTotal()).isEqualTo(10);
    }

    @Test
    void dropOldestCountsEveryDroppedEvent() throws Exception {
        var loops = manager(config(50, 8, BackpressurePolicy.DROP_OLDEST, Duration.ofSeconds(5)));
        Coin coin = Coin.of("XRP");
        loops.setActiveCoins(List.of(coin));
        loops.offer(coin, "block");
        waitUntil("the handler is blocked", () -> stage.blocked.get() == 1);
        for (int i = 0; i < 100; i++) {
            assertThat(loops.offer(coin, i)).isEqualTo(OfferResult.ACCEPTED);
        }
        stage.gate.countDown();
        ShutdownReport report = loops.shutdown();
        List<Object> seen = stage.states.get(coin).events;
        assertThat(seen).containsExactly(92, 93, 94, 95, 96, 97, 98, 99); // the newest 8 survive
        assertThat(report.droppedTotal()).isEqualTo(92);
    }

    @Test
    void anEventForACoinOutsideTheActiveSetIsRefused() {
        var loops = manager(config(50, 8, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        loops.setActiveCoins(List.of(Coin.of("BTC")));
        assertThat(loops.offer(Coin.of("DOGE"), 1)).isEqualTo(OfferResult.UNKNOWN_COIN);
        assertThat(loops.rejectedOffers()).isEqualTo(1);
    }

    @Test
    void controlEventsAreNeverDroppedUnderDropOldest() throws Exception {
        var loops = manager(config(50, 8, BackpressurePolicy.DROP_OLDEST, Duration.ofSeconds(5)));
        Coin coin = Coin.of("XRP");
        loops.setActiveCoins(List.of(coin));
        loops.offer(coin, "block");
        waitUntil("the handler is blocked", () -> stage.blocked.get() == 1);
        var control = new ArrayList<Object>();
        for (int i = 0; i < 100; i++) {
            assertThat(loops.offer(coin, i)).isEqualTo(OfferResult.ACCEPTED);
            if (i % 2 == 0) {
                control.add("report-" + i);
                assertThat(loops.offerControl(coin, "report-" + i)).isEqualTo(OfferResult.ACCEPTED);
            }
        }
        stage.gate.countDown();
        ShutdownReport report = loops.shutdown();
        List<Object> seen = stage.states.get(coin).events;
        assertThat(seen.stream().filter(String.class::isInstance).toList()).containsExactlyElementsOf(control);
        assertThat(seen.stream().filter(Integer.class::isInstance).toList()).containsExactly(92, 93, 94, 95, 96, 97, 98, 99);
        assertThat(report.droppedTotal()).isEqualTo(92);
    }

    @Test
    void aLoopOfferingToItsOwnFullControlLaneNeverWaitsOnItself() {
        var loops = manager(config(50, 64, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        stage.loops = loops;
        Coin coin = Coin.of("BNB");
        loops.setActiveCoins(List.of(coin));
        int replies = 3 * EventLoop.CONTROL_CAPACITY;
        loops.offer(coin, new Echo(replies));
        waitUntilQuietly(() -> stage.states.get(coin).events.size() == replies);
        assertThat(loops.shutdown().clean()).isTrue();
        assertThat(stage.states.get(coin).events).as("every reply, in the order offered")
                .isEqualTo(IntStream.range(0, replies).mapToObj(i -> "reply-" + i).toList());
    }

    @Test
    void aLoopAnsweringForACoinThatMovesAwayDoesNotBlockTheMove() throws Exception {
        var loops = manager(config(2, 64, BackpressurePolicy.BLOCK, Duration.ofSeconds(5)));
        stage.loops = loops;
        loops.setActiveCoins(coins(2));
        var running = new AtomicBoolean(true);
        var echoes = new AtomicInteger();
        Thread producer = new Thread(() -> {
            while (running.get()) {
                for (Coin coin : coins(6)) {
                    if (loops.offer(coin, new Echo(1)) == OfferResult.ACCEPTED) {
                        echoes.incrementAndGet();
                    }
                }
            }
        });
        producer.start();
        Thread.sleep(20);
        Rebalance grow = loops.setActiveCoins(coins(6));
        Rebalance shrink = loops.setActiveCoins(coins(3));
        running.set(false);
        producer.join();
        assertThat(grow.completed()).as("handovers finished while loops answered their own coins").isTrue();
        assertThat(shrink.completed()).isTrue();
        assertThat(loops.shutdown().clean()).isTrue();
        assertThat(stage.concurrentAccess).isFalse();
        long replies = stage.states.values().stream().flatMap(log -> log.events.stream())
                .filter(e -> e.equals("reply-0")).count();
        assertThat(replies + stage.refusedReplies.size()).as("every echo answered, or its answer refused")
                .isEqualTo(echoes.get());
        assertThat(Set.copyOf(stage.refusedReplies)).as("only answers for coins removed meanwhile are refused")
                .isSubsetOf(coins(6).subList(3, 6));
    }

    @Test
    void aSleepingLoopIsWokenByTheNextEventNotByItsTimer() throws Exception {
        var sleepy = new EventLoopConfig(50, 64, BackpressurePolicy.BLOCK, IdleMode.BACKOFF, Duration.ofMillis(4_500),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5));
        var loops = manager(sleepy);
        Coin coin = Coin.of("LTC");
        loops.setActiveCoins(List.of(coin));
        loops.offer(coin, 1);
        waitUntil("the first event is handled", () -> stage.states.get(coin).events.size() == 1);
        Thread.sleep(100); // long past its spins and yields: the loop sleeps for up to 4.5 s now
        long offered = System.nanoTime();
        loops.offer(coin, 2);
        waitUntil("the second event is handled", () -> stage.states.get(coin).events.size() == 2);
        assertThat(System.nanoTime() - offered).as("woken by the offer, not by the end of its sleep")
                .isLessThan(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void anIdleSleepLongerThanTheStallThresholdIsRefused() {
        assertThatThrownBy(() -> new EventLoopConfig(50, 64, BackpressurePolicy.BLOCK, IdleMode.BACKOFF, Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .hasMessage("idle_max_park: 5000ms is invalid; allowed: below stall_threshold (5000ms)");
    }

    private static void waitUntilQuietly(java.util.function.BooleanSupplier condition) {
        try {
            waitUntil("the condition holds", condition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the handler to offer {@code replies} control events to the same coin from the loop's own thread. */
    record Echo(int replies) {
    }

    /** A coin's state: what it saw, which threads touched it, and a guard that catches two at once. */
    static final class CoinLog {
        final List<Object> events = new ArrayList<>();
        final Set<Thread> threads = new HashSet<>();
        final List<CoinRelease> releases = new CopyOnWriteArrayList<>();
        final AtomicBoolean inUse = new AtomicBoolean();
    }

    static final class RecordingStage implements CoinStage<CoinLog, Object> {
        final Map<Coin, CoinLog> states = new ConcurrentHashMap<>();
        final AtomicInteger handlersMade = new AtomicInteger();
        final List<String> assigned = new CopyOnWriteArrayList<>();
        final AtomicInteger flushes = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger blocked = new AtomicInteger();
        final CountDownLatch gate = new CountDownLatch(1);
        volatile boolean concurrentAccess;
        volatile long slowNanos;
        volatile EventLoopManager<CoinLog, Object> loops;
        final List<Coin> refusedReplies = new CopyOnWriteArrayList<>();

        @Override
        public CoinLog newCoinState(Coin coin) {
            var log = new CoinLog();
            states.put(coin, log);
            return log;
        }

        @Override
        public CoinEventHandler<CoinLog, Object> newHandler(int loopIndex) {
            handlersMade.incrementAndGet();
            return new CoinEventHandler<>() {
                @Override
                public void onEvent(Coin coin, CoinLog state, Object event) {
                    if (!state.inUse.compareAndSet(false, true)) {
                        concurrentAccess = true;
                    }
                    try {
                        if ("boom".equals(event)) {
                            throw new IllegalStateException("boom");
                        }
                        if ("block".equals(event)) {
                            blocked.incrementAndGet();
                            await(gate);
                            return;
                        }
                        if (event instanceof Echo echo) {
                            for (int i = 0; i < echo.replies(); i++) {
                                if (loops.offerControl(coin, "reply-" + i) != OfferResult.ACCEPTED) {
                                    refusedReplies.add(coin);
                                }
                            }
                            return;
                        }
                        if (slowNanos > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(slowNanos);
                        }
                        state.events.add(event);
                        state.threads.add(Thread.currentThread());
                    } finally {
                        state.inUse.set(false);
                    }
                }

                @Override
                public void onCoinAssigned(Coin coin, CoinLog state) {
                    assigned.add(coin.symbol());
                }

                @Override
                public void onCoinReleased(Coin coin, CoinLog state, CoinRelease reason) {
                    state.releases.add(reason);
                }

                @Override
                public void flush() {
                    flushes.incrementAndGet();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class RecordingListener implements EventLoopListener {
        final List<String> restarts = new CopyOnWriteArrayList<>();
        final List<Integer> stalled = new CopyOnWriteArrayList<>();
        final List<Integer> recovered = new CopyOnWriteArrayList<>();

        @Override
        public void loopRestarted(int loop, Coin coin, int restartCount, RuntimeException cause) {
            restarts.add(loop + ":" + coin + ":" + restartCount + ":" + cause.getMessage());
        }

        @Override
        public void loopStalled(LoopHealth health) {
            stalled.add(health.loop());
        }

        @Override
        public void loopRecovered(LoopHealth health) {
            recovered.add(health.loop());
        }
    }
}
