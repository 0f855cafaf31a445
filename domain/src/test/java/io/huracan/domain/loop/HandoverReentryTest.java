package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler that queues an event for its own coin while the coin moves to another loop (an exchange delivering the
 * report of the order the handler is placing, on the same thread): the loop must not wait for the very handover it
 * has to carry out. Found by the scale-out test, where coins leave the loops (and the rest move) while a close
 * order is being placed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandoverReentryTest {
    private final CountDownLatch handling = new CountDownLatch(1);
    private final CountDownLatch proceed = new CountDownLatch(1);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private EventLoopManager<Object, Object> manager;

    private final CoinStage<Object, Object> stage = new CoinStage<>() {
        @Override
        public Object newCoinState(Coin coin) {
            return new Object();
        }

        @Override
        public CoinEventHandler<Object, Object> newHandler(int loopIndex) {
            return (coin, state, event) -> {
                handled.add(coin + ":" + event + "@" + Thread.currentThread().getName());
                if ("place".equals(event)) {
                    handling.countDown();
                    await(proceed);
                    manager.offer(coin, "report"); // the venue answers on the caller's thread
                }
            };
        }
    };

    @Test
    void aHandlerQueueingForItsMovingCoinDoesNotDeadlockTheHandover() throws Exception {
        List<Coin> three = List.of(Coin.of("C0"), Coin.of("C1"), Coin.of("C2"));
        Map<Coin, Integer> before = CoinAssignment.assign(three, 3);
        Coin mover = three.stream().filter(coin -> before.get(coin) != 0).findFirst().orElseThrow();
        var names = new java.util.concurrent.atomic.AtomicInteger();
        manager = new EventLoopManager<>(new EventLoopConfig(1, 1024, BackpressurePolicy.BLOCK, IdleMode.BACKOFF, Duration.ofMillis(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10)), stage,
                ManualClock.at(Instant.parse("2024-06-01T00:00:00Z")), runnable -> {
                    var thread = new Thread(runnable, "loop-" + names.getAndIncrement());
                    thread.setDaemon(true);
                    return thread;
                }, BackoffIdleStrategy::new, EventLoopListener.NONE);
        try {
            manager.setActiveCoins(three);
            assertThat(manager.offer(mover, "place")).isEqualTo(OfferResult.ACCEPTED);
            assertThat(handling.await(10, TimeUnit.SECONDS)).isTrue();
            var rebalance = new AtomicReference<Rebalance>();
            // one coin left: one loop, so the mover moves to loop 0 while its handler is inside "place"
            Thread shrink = new Thread(() -> rebalance.set(manager.setActiveCoins(List.of(mover))));
            shrink.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (shrink.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1); // paused, waiting for the loops to reach the handovers
            }
            proceed.countDown();
            shrink.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(rebalance.get()).as("the handover finished").isNotNull();
            assertThat(rebalance.get().completed()).isTrue();
            assertThat(manager.assignment()).containsExactly(Map.entry(mover, 0));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (handled.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            // handled once, in order: by the old loop before it lets the coin go, or forwarded to the new one
            assertThat(handled).hasSize(2).first().isEqualTo(mover + ":place@loop-" + before.get(mover));
            assertThat(handled.get(1)).startsWith(mover + ":report@loop-");
        } finally {
            proceed.countDown();
            manager.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
