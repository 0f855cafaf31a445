package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;
import io.huracan.ports.time.EngineClock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One loop thread and the coins it owns: a duty cycle that applies ownership changes, drains a batch of events
 * into the handler, flushes, and beats its heartbeat; an idle strategy decides how to wait, and sleeps through
 * {@link #sleep} so that any producer wakes it at once. Fields without {@code volatile} belong to the loop thread.
 *
 * <p>Two lanes: market data in {@link #ring} under the configured backpressure, and control events (execution
 * reports, flatten and signal requests) in {@link #control}, which never drops and is drained first. A loop never
 * waits on itself: what its own thread offers to a full control lane (a venue answering an order on the loop's
 * thread) goes to an overflow queue only that thread touches, drained after the lane, so order is kept.
 */
final class EventLoop implements Runnable, InboundRing.Consumer {
    private static final int BATCH = 256;
    /** Control events are few (a handful per order); this bounds a burst from other threads before they wait. */
    static final int CONTROL_CAPACITY = 4096;
    /** The loop whose thread this is, on loop threads only. */
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();

    final int index;
    final InboundRing ring;
    final InboundRing control = new InboundRing(CONTROL_CAPACITY, BackpressurePolicy.BLOCK);
    private final ArrayDeque<Object[]> ownOverflow = new ArrayDeque<>();
    private final Queue<Handover> handovers = new ConcurrentLinkedQueue<>();
    private final List<CoinSlot> owned = new ArrayList<>();
    private final CoinStage<Object, Object> stage;
    private final EngineClock clock;
    private final IdleStrategy idle;
    private final LoopSleeper sleeper = this::sleep;
    private final EventLoopListener listener;
    private final CountDownLatch terminated = new CountDownLatch(1);

    private CoinEventHandler<Object, Object> handler;
    private boolean firstOfBatch;
    private boolean drainingControl;
    private long batchFirstEnqueuedNanos;
    private long processedCount;
    private long overflowAfterPosition;
    private Coin currentCoin;

    private volatile Thread thread;
    private volatile boolean sleeping;
    private volatile boolean draining;
    private volatile boolean abort;
    private volatile boolean running = true;
    private volatile long heartbeatNanos;
    private volatile long lagNanos;
    private volatile long processed;
    private volatile long failedEvents;
    private volatile long misrouted;
    private volatile int restarts;
    private volatile int coins;

    @SuppressWarnings("unchecked")
    EventLoop(int index, EventLoopConfig config, CoinStage<?, ?> stage, EngineClock clock, IdleStrategy idle,
              EventLoopListener listener) {
        this.index = index;
        this.ring = new InboundRing(config.queueCapacity(), config.backpressure());
        this.stage = (CoinStage<Object, Object>) stage;
        this.clock = clock;
        this.idle = idle;
        this.listener = listener;
        this.heartbeatNanos = clock.monotonicNanos();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        CURRENT.set(this);
        try {
            handler = stage.newHandler(index);
            while (!runDutyCycles()) {
                idle.reset();
            }
            finish();
        } catch (Throwable fatal) {
            listener.loopDied(index, fatal);
        } finally {
            running = false;
            terminated.countDown();
        }
    }

    /** Runs until drained after a stop request or aborted; false when a handler threw and the loop restarted. */
    private boolean runDutyCycles() {
        try {
            while (!abort) {
                int work = doWork();
                if (work == 0 && draining && !hasWork()) {
                    return true;
                }
                idle.idle(work, sleeper);
            }
            return true;
        } catch (RuntimeException failure) {
            restart(failure);
            return false;
        }
    }

    int doWork() {
        int work = applyHandovers();
        firstOfBatch = true;
        drainingControl = true;
        int events = control.drain(this, BATCH) + drainOwnOverflow();
        drainingControl = false;
        events += ring.drain(this, BATCH);
        long now = clock.monotonicNanos();
        if (events > 0) {
            lagNanos = now - batchFirstEnqueuedNanos;
            processed = processedCount;
            handler.flush();
        }
        heartbeatNanos = now;
        return work + events;
    }

    /** The overflow holds the loop's own events offered after everything in the lane up to this position. */
    private int drainOwnOverflow() {
        if (ownOverflow.isEmpty() || control.consumerPosition() < overflowAfterPosition) {
            return 0;
        }
        int taken = 0;
        Object[] entry;
        while (taken < BATCH && (entry = ownOverflow.poll()) != null) {
            taken++;
            if (!accept(entry[0], entry[1], (Long) entry[2])) {
                break;
            }
        }
        return taken;
    }

    @Override
    public boolean accept(Object key, Object event, long enqueuedNanos) {
        if (firstOfBatch) {
            batchFirstEnqueuedNanos = enqueuedNanos;
            firstOfBatch = false;
        }
        CoinSlot slot = (CoinSlot) key;
        if (slot.retired) {
            misrouted = misrouted + 1; // queued by a handler after the coin had left (see EventLoopManager.offer)
            handler.onDeparted(slot.coin, event);
            return true;
        }
        if (slot.owner != this) {
            forward(slot, event, enqueuedNanos);
            return true;
        }
        currentCoin = slot.coin;
        handler.onEvent(slot.coin, slot.state, event, enqueuedNanos);
        processedCount++;
        return !abort;
    }

    /** Never expected (a handover waits for producers to leave), but a coin's state must never see two threads. */
    private void forward(CoinSlot slot, Object event, long enqueuedNanos) {
        EventLoop current = slot.owner;
        InboundRing lane = drainingControl ? current.control : current.ring;
        if (slot.retired || !lane.tryOffer(slot, event, enqueuedNanos)) {
            misrouted = misrouted + 1;
        } else {
            current.wake();
        }
    }

    private int applyHandovers() {
        int applied = 0;
        Handover handover;
        while ((handover = handovers.peek()) != null) {
            if (!handover.adopt && !consumedUpTo(handover)) {
                break; // events of this coin queued before the pause are still ahead
            }
            handovers.poll();
            if (handover.adopt) {
                adopt(handover.slot);
            } else {
                release(handover);
            }
            handover.done.countDown();
            applied++;
        }
        return applied;
    }

    private boolean consumedUpTo(Handover release) {
        return ring.consumerPosition() >= release.afterPosition
                && control.consumerPosition() >= release.afterControlPosition
                && ownOverflow.isEmpty();
    }

    private void adopt(CoinSlot slot) {
        owned.add(slot);
        coins = owned.size();
        try {
            handler.onCoinAssigned(slot.coin, slot.state);
        } finally {
            slot.paused = false; // producers may now queue this coin's events here
        }
    }

    private void release(Handover handover) {
        CoinSlot slot = handover.slot;
        owned.remove(slot);
        coins = owned.size();
        try {
            handler.onCoinReleased(slot.coin, slot.state, handover.target == null ? CoinRelease.REMOVED : CoinRelease.MOVED);
        } catch (RuntimeException failure) {
            currentCoin = slot.coin;
            restart(failure);
        }
        if (handover.target != null) {
            slot.owner = handover.target;
            handover.target.post(Handover.adopt(slot, handover.done));
        } else {
            slot.retired = true;
            slot.state = null;
            slot.paused = false;
        }
    }

    private void restart(RuntimeException failure) {
        failedEvents = failedEvents + 1;
        restarts = restarts + 1;
        try {
            listener.loopRestarted(index, currentCoin, restarts, failure);
        } catch (RuntimeException ignored) {
            // a failing listener must not take the loop down with it
        }
        handler = stage.newHandler(index);
        for (CoinSlot slot : owned) {
            handler.onCoinAssigned(slot.coin, slot.state);
        }
    }

    private void finish() {
        try {
            handler.flush();
            for (CoinSlot slot : owned) {
                handler.onCoinReleased(slot.coin, slot.state, CoinRelease.SHUTDOWN);
            }
            handler.close();
        } catch (RuntimeException failure) {
            failedEvents = failedEvents + 1;
            listener.loopRestarted(index, currentCoin, restarts, failure);
        }
    }

    /**
     * The sleep behind {@link LoopSleeper}: announces it, then parks unless work arrived meanwhile. A producer
     * queues first and then reads {@link #sleeping}; the loop announces first and then looks at the queues. Both
     * sides are volatile, so at least one of them sees the other and no wake-up is lost.
     */
    private void sleep(long maxNanos) {
        sleeping = true;
        if (!hasWork()) {
            LockSupport.parkNanos(this, maxNanos);
        }
        sleeping = false;
    }

    /** True on any loop's own thread (a handler queueing an event, e.g. an exchange answering synchronously). */
    static boolean onLoopThread() {
        return CURRENT.get() != null;
    }

    private boolean hasWork() {
        return !control.isEmpty() || !ring.isEmpty() || !handovers.isEmpty() || !ownOverflow.isEmpty() || abort;
    }

    /** Unparks the loop if it sleeps; costs one volatile read when it does not. */
    void wake() {
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    void post(Handover handover) {
        handovers.add(handover);
        wake();
    }

    /** Queues a market-data event, waiting for room under BLOCK; false when the loop stopped taking events. */
    boolean offer(CoinSlot slot, Object event, long nowNanos) {
        return offer(ring, slot, event, nowNanos);
    }

    boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Queues a control event: it is never dropped, and the loop's own thread never waits for room. */
    boolean offerControl(CoinSlot slot, Object event, long nowNanos) {
        if (isLoopThread()) {
            if (ownOverflow.isEmpty()) {
                if (control.tryOffer(slot, event, nowNanos)) {
                    return true;
                }
                overflowAfterPosition = control.producerPosition();
            }
            ownOverflow.add(new Object[] {slot, event, nowNanos});
            return true;
        }
        return offer(control, slot, event, nowNanos);
    }

    private boolean offer(InboundRing lane, CoinSlot slot, Object event, long nowNanos) {
        for (int attempt = 0; !lane.tryOffer(slot, event, nowNanos); attempt++) {
            if (draining || !running) {
                return false;
            }
            BackoffIdleStrategy.pause(attempt);
        }
        wake();
        return true;
    }

    void stopAfterDrain() {
        draining = true;
        wakeUnconditionally();
    }

    void abort() {
        abort = true;
        wakeUnconditionally();
    }

    private void wakeUnconditionally() {
        Thread owner = thread;
        if (owner != null) {
            LockSupport.unpark(owner);
        }
    }

    boolean awaitTermination(long nanos) throws InterruptedException {
        return terminated.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    boolean isRunning() {
        return running;
    }

    /** Counts the events left in both lanes per coin; only once the loop thread has ended. */
    void countLeftovers(Map<Coin, Long> byCoin) {
        InboundRing.Consumer count = (key, event, stamp) -> {
            byCoin.merge(((CoinSlot) key).coin, 1L, Long::sum);
            return true;
        };
        control.drain(count, Integer.MAX_VALUE);
        for (Object[] entry : ownOverflow) {
            count.accept(entry[0], entry[1], (Long) entry[2]);
        }
        ring.drain(count, Integer.MAX_VALUE);
    }

    /** Events waiting in both lanes (a snapshot). */
    int queued() {
        return ring.size() + control.size();
    }

    LoopHealth health(long nowNanos, long stallThresholdNanos) {
        long age = Math.max(0, nowNanos - heartbeatNanos);
        return new LoopHealth(index, coins, queued(), age, lagNanos, processed, ring.dropped() + misrouted,
                failedEvents, restarts, running && age > stallThresholdNanos, running);
    }

    long dropped() {
        return ring.dropped() + misrouted;
    }

    long failedEvents() {
        return failedEvents;
    }
}
