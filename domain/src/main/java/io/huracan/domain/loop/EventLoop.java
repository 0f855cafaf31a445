package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;
import io.huracan.ports.time.EngineClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One loop thread and the coins it owns: a duty cycle that applies ownership changes, drains a batch of events
 * from its ring into the handler, flushes, and beats its heartbeat; an idle strategy decides how to wait. Fields
 * without {@code volatile} belong to the loop thread.
 */
final class EventLoop implements Runnable, InboundRing.Consumer {
    private static final int BATCH = 256;
    /** The loop whose thread this is, on loop threads only. */
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();

    final int index;
    final InboundRing ring;
    private final Queue<Handover> handovers = new ConcurrentLinkedQueue<>();
    private final List<CoinSlot> owned = new ArrayList<>();
    private final CoinStage<Object, Object> stage;
    private final EngineClock clock;
    private final IdleStrategy idle;
    private final EventLoopListener listener;
    private final CountDownLatch terminated = new CountDownLatch(1);

    private CoinEventHandler<Object, Object> handler;
    private boolean firstOfBatch;
    private long batchFirstEnqueuedNanos;
    private long processedCount;
    private Coin currentCoin;

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
                if (work == 0 && draining && ring.isEmpty() && handovers.isEmpty()) {
                    return true;
                }
                idle.idle(work);
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
        int events = ring.drain(this, BATCH);
        long now = clock.monotonicNanos();
        if (events > 0) {
            lagNanos = now - batchFirstEnqueuedNanos;
            processed = processedCount;
            handler.flush();
        }
        heartbeatNanos = now;
        return work + events;
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
        if (slot.retired || !current.ring.tryOffer(slot, event, enqueuedNanos)) {
            misrouted = misrouted + 1;
        }
    }

    private int applyHandovers() {
        int applied = 0;
        Handover handover;
        while ((handover = handovers.peek()) != null) {
            if (!handover.adopt && ring.consumerPosition() < handover.afterPosition) {
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

    /** True on any loop's own thread (a handler queueing an event, e.g. an exchange answering synchronously). */
    static boolean onLoopThread() {
        return CURRENT.get() != null;
    }

    void post(Handover handover) {
        handovers.add(handover);
    }

    /** Queues an event, waiting for room under BLOCK; false when the loop stopped taking events. */
    boolean offer(CoinSlot slot, Object event, long nowNanos) {
        for (int attempt = 0; !ring.tryOffer(slot, event, nowNanos); attempt++) {
            if (draining || !running) {
                return false;
            }
            BackoffIdleStrategy.pause(attempt);
        }
        return true;
    }

    void stopAfterDrain() {
        draining = true;
    }

    void abort() {
        abort = true;
    }

    boolean awaitTermination(long nanos) throws InterruptedException {
        return terminated.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    boolean isRunning() {
        return running;
    }

    /** Counts the events left in the ring per coin; only once the loop thread has ended. */
    void countLeftovers(Map<Coin, Long> byCoin) {
        ring.drain((key, event, stamp) -> {
            byCoin.merge(((CoinSlot) key).coin, 1L, Long::sum);
            return true;
        }, Integer.MAX_VALUE);
    }

    LoopHealth health(long nowNanos, long stallThresholdNanos) {
        long age = Math.max(0, nowNanos - heartbeatNanos);
        return new LoopHealth(index, coins, ring.size(), age, lagNanos, processed, ring.dropped() + misrouted,
                failedEvents, restarts, running && age > stallThresholdNanos, running);
    }

    long dropped() {
        return ring.dropped() + misrouted;
    }

    long failedEvents() {
        return failedEvents;
    }
}
