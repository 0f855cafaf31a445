package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;
import io.huracan.ports.time.EngineClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Shards the active coins over single-threaded event loops ({@link EventLoopConfig#coinsPerLoop()} each) and routes
 * every event to the loop that owns its coin, where a {@link CoinStage}'s handler processes it with the coin's
 * state. Producers on any thread call {@link #offer}; a change of the active set ({@link #setActiveCoins}) moves
 * coins between loops with their state, never letting two threads touch one coin's state. A supervisor thread
 * checks heartbeats; {@link #shutdown()} stops intake, drains, flushes and closes within the configured timeout and
 * reports what it could not process.
 *
 * <p>A moving coin is paused: its producers wait (briefly) until the old loop has processed every event queued
 * for it and the new loop has adopted it, so the coin's events stay in order across the move.
 *
 * @param <S> a coin's state
 * @param <E> the event type
 */
public final class EventLoopManager<S, E> implements AutoCloseable {
    private final EventLoopConfig config;
    private final CoinStage<S, E> stage;
    private final EngineClock clock;
    private final ThreadFactory threadFactory;
    private final Supplier<IdleStrategy> idleStrategies;
    private final EventLoopListener listener;

    private final ConcurrentHashMap<Coin, CoinSlot> slots = new ConcurrentHashMap<>();
    private final List<EventLoop> loops = new ArrayList<>();
    private volatile EventLoop[] loopView = new EventLoop[0];
    private final Map<Integer, Boolean> reportedStalled = new HashMap<>();
    private final LongAdder rejectedOffers = new LongAdder();
    private volatile boolean accepting = true;
    private volatile boolean supervising;
    private Thread supervisor;
    private ShutdownReport shutdownReport;

    /**
     * @param threadFactory  makes the loop threads and the supervisor thread (names, priorities, affinity)
     * @param idleStrategies one idle strategy per loop thread
     * @param listener       receives restarts, stalls and loop deaths
     */
    public EventLoopManager(EventLoopConfig config, CoinStage<S, E> stage, EngineClock clock,
                            ThreadFactory threadFactory, Supplier<IdleStrategy> idleStrategies,
                            EventLoopListener listener) {
        this.config = config;
        this.stage = stage;
        this.clock = clock;
        this.threadFactory = threadFactory;
        this.idleStrategies = idleStrategies;
        this.listener = listener;
    }

    /** With back-off idling and no listener. */
    public EventLoopManager(EventLoopConfig config, CoinStage<S, E> stage, EngineClock clock,
                            ThreadFactory threadFactory) {
        this(config, stage, clock, threadFactory, BackoffIdleStrategy::new, EventLoopListener.NONE);
    }

    /**
     * Queues a market-data {@code event} for the loop owning {@code coin}. Under BLOCK it waits while that loop's
     * queue is full; under DROP_OLDEST it never waits (the oldest queued market event is dropped and counted).
     * Allocation-free.
     *
     * <p>A producer on a loop thread (a handler whose exchange call delivers reports synchronously) never waits for
     * a coin paused by a handover: the loop that must carry the handover out may be the one waiting, or be waiting
     * on it. Its event goes to the coin's current loop behind the handover, which forwards it if the coin moved and
     * drops (and counts, {@link CoinEventHandler#onDeparted}) it if the coin left.
     */
    public OfferResult offer(Coin coin, E event) {
        return offer(coin, event, false);
    }

    /**
     * Queues a control event (an execution report, a request) for the loop owning {@code coin}, in a lane of its
     * own that is handled before market data and never drops, whatever the backpressure policy: other threads wait
     * while it is full; the loop's own thread never waits on itself.
     */
    public OfferResult offerControl(Coin coin, E event) {
        return offer(coin, event, true);
    }

    private OfferResult offer(Coin coin, E event, boolean isControl) {
        CoinSlot slot = slots.get(coin);
        if (slot == null) {
            rejectedOffers.increment();
            return accepting ? OfferResult.UNKNOWN_COIN : OfferResult.CLOSED;
        }
        EventLoop current = slot.owner;
        if (isControl && current.isLoopThread()) {
            // a venue answering on the owner's own thread: a pause of this coin waits for that very thread, so it
            // must not wait here; anything it queues after a release is forwarded to the new owner, and what it
            // queues while the loops drain for a shutdown is still drained
            if (slot.retired) {
                return rejected(slot);
            }
            current.offerControl(slot, event, clock.monotonicNanos());
            return OfferResult.ACCEPTED;
        }
        for (int attempt = 0; !slot.tryEnter(); attempt++) {
            if (!accepting || slot.retired) {
                return rejected(slot);
            }
            if (EventLoop.onLoopThread()) {
                EventLoop owner = slot.owner;
                long now = clock.monotonicNanos();
                boolean queued = isControl ? owner.offerControl(slot, event, now) : owner.offer(slot, event, now);
                return queued ? OfferResult.ACCEPTED : rejected(slot);
            }
            BackoffIdleStrategy.pause(attempt);
        }
        try {
            if (!accepting || slot.retired) {
                return rejected(slot);
            }
            EventLoop owner = slot.owner;
            long now = clock.monotonicNanos();
            if (isControl ? owner.offerControl(slot, event, now) : owner.offer(slot, event, now)) {
                return OfferResult.ACCEPTED;
            }
            rejectedOffers.increment();
            return OfferResult.CLOSED;
        } finally {
            slot.exit();
        }
    }

    private OfferResult rejected(CoinSlot slot) {
        rejectedOffers.increment();
        return accepting ? OfferResult.UNKNOWN_COIN : OfferResult.CLOSED;
    }

    /**
     * Makes {@code coins} the active set: starts or retires loops to keep {@code coins_per_loop} per loop, creates the
     * state of new coins, discards that of removed ones (after {@link CoinRelease#REMOVED}) and moves the others to
     * their assigned loop. Returns when every handover is done, or when the shutdown timeout has passed.
     */
    public synchronized Rebalance setActiveCoins(Collection<Coin> coins) {
        if (shutdownReport != null) {
            throw new IllegalStateException("event loops are shut down; the active coins can no longer change");
        }
        var active = new TreeSet<>(coins);
        int loopCount = CoinAssignment.loopsFor(active.size(), config.coinsPerLoop());
        while (loops.size() < loopCount) {
            startLoop();
        }
        Map<Coin, Integer> assignment = CoinAssignment.assign(active, loopCount);

        var removed = new ArrayList<CoinSlot>();
        var moved = new ArrayList<CoinSlot>();
        for (CoinSlot slot : slots.values()) {
            Integer target = assignment.get(slot.coin);
            if (target == null) {
                removed.add(slot);
            } else if (target != slot.owner.index) {
                moved.add(slot);
            }
        }
        var added = active.stream().filter(coin -> !slots.containsKey(coin)).toList();
        var done = new CountDownLatch(removed.size() + 2 * moved.size() + added.size());

        pauseAndWaitForProducers(removed, moved);
        for (CoinSlot slot : removed) {
            slots.remove(slot.coin);
            slot.owner.post(Handover.release(slot, slot.owner, null, done));
        }
        for (CoinSlot slot : moved) {
            EventLoop target = loops.get(assignment.get(slot.coin));
            slot.owner.post(Handover.release(slot, slot.owner, target, done));
        }
        for (Coin coin : added) {
            EventLoop owner = loops.get(assignment.get(coin));
            var slot = new CoinSlot(coin, stage.newCoinState(coin), owner);
            slot.paused = true; // until its loop has adopted it
            slots.put(coin, slot);
            owner.post(Handover.adopt(slot, done));
        }
        boolean completed = await(done, config.shutdownTimeout());
        if (completed) {
            retireLoopsFrom(loopCount);
        }
        startSupervisor();
        return new Rebalance(loops.size(), added.size(), removed.size(), moved.size(), completed);
    }

    private void pauseAndWaitForProducers(List<CoinSlot> removed, List<CoinSlot> moved) {
        removed.forEach(slot -> slot.paused = true);
        moved.forEach(slot -> slot.paused = true);
        for (int attempt = 0; producersInside(removed) || producersInside(moved); attempt++) {
            BackoffIdleStrategy.pause(attempt);
        }
    }

    private static boolean producersInside(List<CoinSlot> paused) {
        for (CoinSlot slot : paused) {
            if (slot.hasProducersInside()) {
                return true;
            }
        }
        return false;
    }

    private void startLoop() {
        var loop = new EventLoop(loops.size(), config, stage, clock, idleStrategies.get(), listener);
        loops.add(loop);
        loopView = loops.toArray(EventLoop[]::new);
        threadFactory.newThread(loop).start();
    }

    private void retireLoopsFrom(int keep) {
        while (loops.size() > keep) {
            EventLoop surplus = loops.remove(loops.size() - 1);
            surplus.stopAfterDrain();
            awaitLoop(surplus, config.shutdownTimeout().toNanos());
            reportedStalled.remove(surplus.index);
        }
        loopView = loops.toArray(EventLoop[]::new);
    }

    /** Coin to loop index, as currently routed. */
    public Map<Coin, Integer> assignment() {
        var result = new LinkedHashMap<Coin, Integer>();
        new TreeSet<>(slots.keySet()).forEach(coin -> {
            CoinSlot slot = slots.get(coin);
            if (slot != null) {
                result.put(coin, slot.owner.index);
            }
        });
        return result;
    }

    public int loopCount() {
        return loopView.length;
    }

    /** Offers refused as unknown coin or closed since start. */
    public long rejectedOffers() {
        return rejectedOffers.sum();
    }

    /** Every loop's heartbeat age, queue depth, lag and counters, now. */
    public List<LoopHealth> health() {
        long now = clock.monotonicNanos();
        long threshold = config.stallThreshold().toNanos();
        var result = new ArrayList<LoopHealth>();
        for (EventLoop loop : loopView) {
            result.add(loop.health(now, threshold));
        }
        return result;
    }

    /**
     * Reports loops that became stalled or recovered since the last check. The supervisor calls it every heartbeat
     * interval; callers with their own scheduler may call it too.
     */
    public synchronized List<LoopHealth> checkHealth() {
        List<LoopHealth> health = health();
        for (LoopHealth loop : health) {
            boolean wasStalled = reportedStalled.getOrDefault(loop.loop(), false);
            if (loop.stalled() && !wasStalled) {
                listener.loopStalled(loop);
            } else if (!loop.stalled() && wasStalled) {
                listener.loopRecovered(loop);
            }
            reportedStalled.put(loop.loop(), loop.stalled());
        }
        return health;
    }

    private void startSupervisor() {
        if (supervisor != null) {
            return;
        }
        supervising = true;
        long interval = config.heartbeatInterval().toNanos();
        supervisor = threadFactory.newThread(() -> {
            while (supervising) {
                LockSupport.parkNanos(interval);
                if (supervising) {
                    checkHealth();
                }
            }
        });
        supervisor.start();
    }

    /**
     * Stops intake, lets every loop drain its queue, flush and close, waits up to the shutdown timeout, and reports
     * what could not be processed. Idempotent: later calls return the first report.
     */
    public synchronized ShutdownReport shutdown() {
        if (shutdownReport != null) {
            return shutdownReport;
        }
        long start = clock.monotonicNanos();
        long deadline = start + config.shutdownTimeout().toNanos();
        accepting = false;
        supervising = false;
        if (supervisor != null) {
            LockSupport.unpark(supervisor);
        }
        var all = new ArrayList<>(slots.values());
        pauseAndWaitForProducers(all, List.of());
        loops.forEach(EventLoop::stopAfterDrain);
        for (EventLoop loop : loops) {
            awaitLoop(loop, deadline - clock.monotonicNanos());
        }
        var unprocessed = new HashMap<Coin, Long>();
        var stuck = new ArrayList<Integer>();
        long inStuckLoops = 0;
        long dropped = 0;
        long failed = 0;
        for (EventLoop loop : loops) {
            if (loop.isRunning()) {
                loop.abort();
                awaitLoop(loop, Math.min(config.shutdownTimeout().toNanos() / 10, 100_000_000L));
            }
            if (loop.isRunning()) {
                stuck.add(loop.index);
                inStuckLoops += loop.queued();
            } else {
                loop.countLeftovers(unprocessed);
            }
            dropped += loop.dropped();
            failed += loop.failedEvents();
        }
        shutdownReport = new ShutdownReport(stuck.isEmpty() && unprocessed.isEmpty(),
                Duration.ofNanos(Math.max(0, clock.monotonicNanos() - start)), unprocessed, inStuckLoops, stuck,
                dropped, failed);
        return shutdownReport;
    }

    @Override
    public void close() {
        shutdown();
    }

    private static void awaitLoop(EventLoop loop, long nanos) {
        try {
            loop.awaitTermination(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
