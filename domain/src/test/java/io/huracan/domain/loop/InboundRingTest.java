package io.huracan.domain.loop;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class InboundRingTest {
    private final List<Object> taken = new ArrayList<>();
    private final InboundRing.Consumer collect = (key, event, stamp) -> taken.add(event);

    @Test
    void capacityIsRoundedUpToAPowerOfTwo() {
        assertThat(new InboundRing(5, BackpressurePolicy.BLOCK).capacity()).isEqualTo(8);
        assertThat(new InboundRing(8, BackpressurePolicy.BLOCK).capacity()).isEqualTo(8);
    }

    @Test
    void underBlockAFullRingRefusesAndKeepsWhatItHas() {
        var ring = new InboundRing(4, BackpressurePolicy.BLOCK);
        for (int i = 0; i < 4; i++) {
            assertThat(ring.tryOffer("k", i, 0)).isTrue();
        }
        assertThat(ring.tryOffer("k", 4, 0)).isFalse();
        assertThat(ring.size()).isEqualTo(4);
        assertThat(ring.drain(collect, 3)).isEqualTo(3);
        assertThat(ring.tryOffer("k", 5, 0)).isTrue();
        ring.drain(collect, 100);
        assertThat(taken).containsExactly(0, 1, 2, 3, 5);
        assertThat(ring.dropped()).isZero();
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void underDropOldestTheOldestAreDisplacedAndCounted() {
        var ring = new InboundRing(4, BackpressurePolicy.DROP_OLDEST);
        for (int i = 0; i < 10; i++) {
            assertThat(ring.tryOffer("k", i, i)).isTrue();
        }
        assertThat(ring.drain(collect, 100)).isEqualTo(4);
        assertThat(taken).containsExactly(6, 7, 8, 9);
        assertThat(ring.dropped()).isEqualTo(6);
        assertThat(ring.consumerPosition()).isEqualTo(ring.producerPosition());
    }

    @Test
    void theConsumerGetsKeyEventAndEnqueueTime() {
        var ring = new InboundRing(4, BackpressurePolicy.BLOCK);
        ring.tryOffer("BTC", "book", 1234);
        var seen = new ArrayList<String>();
        ring.drain((key, event, stamp) -> seen.add(key + "/" + event + "/" + stamp), 1);
        assertThat(seen).containsExactly("BTC/book/1234");
    }

    /** Invariant under racing producers: every offered event is taken exactly once or counted dropped; per-producer order holds. */
    @Test
    void racingProducersLoseNothingUncountedAndKeepTheirOrder() throws InterruptedException {
        for (BackpressurePolicy policy : BackpressurePolicy.values()) {
            var ring = new InboundRing(64, policy);
            int producers = 2;
            int perProducer = 50_000;
            var start = new CountDownLatch(1);
            var threads = new ArrayList<Thread>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perProducer; i++) {
                        while (!ring.tryOffer(producer, (long) i, 0)) {
                            Thread.yield();
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            long[] lastSeen = {-1, -1};
            long[] count = new long[1];
            boolean[] ordered = {true};
            start.countDown();
            InboundRing.Consumer check = (key, event, stamp) -> {
                int producer = (Integer) key;
                long value = (Long) event;
                if (value <= lastSeen[producer]) {
                    ordered[0] = false;
                }
                lastSeen[producer] = value;
                count[0]++;
                return true;
            };
            while (threads.stream().anyMatch(Thread::isAlive) || !ring.isEmpty()) {
                if (ring.drain(check, 32) == 0) {
                    Thread.yield();
                }
            }
            for (Thread thread : threads) {
                thread.join();
            }
            ring.drain(check, Integer.MAX_VALUE);
            assertThat(ordered[0]).as(policy.name()).isTrue();
            assertThat(count[0] + ring.dropped()).as(policy.name()).isEqualTo((long) producers * perProducer);
            if (policy == BackpressurePolicy.BLOCK) {
                assertThat(ring.dropped()).isZero();
            }
        }
    }
}
