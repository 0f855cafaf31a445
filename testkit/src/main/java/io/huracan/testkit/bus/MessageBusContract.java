package io.huracan.testkit.bus;

import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.GroupStats;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamStats;
import io.huracan.ports.bus.StreamType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.huracan.ports.bus.StreamType.MARKET_DATA;
import static io.huracan.ports.bus.StreamType.ORDERS;
import static io.huracan.ports.bus.StreamType.SIGNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The semantics every {@link MessageBus} adapter must have (see docs/message-bus.md). An adapter's test extends
 * this class and supplies fresh, empty buses; everything here goes through the port, and every wait is bounded.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class MessageBusContract {
    /** Idle time after which tests claim messages; long enough to stay clear of scheduling noise. */
    protected static final Duration IDLE = Duration.ofMillis(150);

    private final List<MessageBus> opened = new ArrayList<>();

    /** A new bus over empty streams with these limits; it must not see messages of buses made for other tests. */
    protected abstract MessageBus newBus(BusLimits limits);

    protected MessageBus bus() {
        return bus(BusLimits.uniform(1_000_000));
    }

    protected MessageBus bus(BusLimits limits) {
        MessageBus bus = newBus(limits);
        opened.add(bus);
        return bus;
    }

    @AfterEach
    void closeBuses() {
        opened.forEach(MessageBus::close);
    }

    protected static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    protected static String text(BusMessage message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<BusMessage> messages) {
        return messages.stream().map(MessageBusContract::text).toList();
    }

    private static List<MessageId> ids(List<BusMessage> messages) {
        return messages.stream().map(BusMessage::id).toList();
    }

    private static void publish(MessageBus bus, StreamType stream, int from, int toExclusive) {
        for (int i = from; i < toExclusive; i++) {
            bus.publish(stream, text("m" + i));
        }
    }

    private static List<String> names(int from, int toExclusive) {
        var names = new ArrayList<String>();
        for (int i = from; i < toExclusive; i++) {
            names.add("m" + i);
        }
        return names;
    }

    @Test
    void idsIncreaseStrictlyInPublishOrderAndRoundTripAsText() {
        MessageBus bus = bus();
        var ids = new ArrayList<MessageId>();
        for (int i = 0; i < 500; i++) {
            ids.add(bus.publish(MARKET_DATA, text("m" + i)));
        }
        ids.addAll(bus.publishBatch(MARKET_DATA, List.of(text("a"), text("b"), text("c"))));
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
        }
        assertThat(ids).allSatisfy(id -> assertThat(MessageId.parse(id.toString())).isEqualTo(id));
        StreamStats stats = bus.streamStats(MARKET_DATA);
        assertThat(stats.length()).isEqualTo(503);
        assertThat(stats.published()).isEqualTo(503);
        assertThat(stats.firstId()).isEqualTo(ids.get(0));
        assertThat(stats.lastId()).isEqualTo(ids.get(502));
    }

    @Test
    void aBatchArrivesInOrderWithTheIdsPublishReturned() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        List<MessageId> ids = bus.publishBatch(ORDERS, List.of(text("x"), text("y"), text("z")));
        List<BusMessage> read = bus.read(ORDERS, "g", "c", 10, Duration.ZERO);
        assertThat(texts(read)).containsExactly("x", "y", "z");
        assertThat(ids(read)).isEqualTo(ids);
        assertThat(read).allSatisfy(message -> {
            assertThat(message.stream()).isEqualTo(ORDERS);
            assertThat(message.deliveryCount()).isEqualTo(1);
        });
    }

    @Test
    void streamsAreIndependent() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        bus.publish(MARKET_DATA, text("book"));
        assertThat(bus.read(ORDERS, "g", "c", 10, Duration.ZERO)).isEmpty();
        assertThat(bus.streamStats(ORDERS).length()).isZero();
        assertThat(bus.streamStats(ORDERS).lastId()).isEqualTo(MessageId.ZERO);
    }

    @Test
    void everyGroupSeesEveryMessage() {
        MessageBus bus = bus();
        bus.createGroup(MARKET_DATA, "features", StartPosition.EARLIEST);
        bus.createGroup(MARKET_DATA, "recorder", StartPosition.EARLIEST);
        publish(bus, MARKET_DATA, 0, 5);
        assertThat(texts(bus.read(MARKET_DATA, "features", "f1", 100, Duration.ZERO))).isEqualTo(names(0, 5));
        assertThat(texts(bus.read(MARKET_DATA, "recorder", "r1", 100, Duration.ZERO))).isEqualTo(names(0, 5));
    }

    @Test
    void consumersOfOneGroupShareTheMessagesEachGoingToOne() throws Exception {
        MessageBus bus = bus();
        bus.createGroup(MARKET_DATA, "g", StartPosition.EARLIEST);
        int total = 2_000;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        var duplicates = ConcurrentHashMap.<String>newKeySet();
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<Integer>>();
            for (String consumer : List.of("c1", "c2")) {
                futures.add(consumers.submit(() -> {
                    start.await();
                    int mine = 0;
                    while (seen.size() < total) {
                        List<BusMessage> batch = bus.read(MARKET_DATA, "g", consumer, 7, Duration.ofMillis(20));
                        for (BusMessage message : batch) {
                            if (!seen.add(text(message))) {
                                duplicates.add(text(message));
                            }
                        }
                        bus.acknowledge(MARKET_DATA, "g", ids(batch));
                        mine += batch.size();
                    }
                    return mine;
                }));
            }
            start.countDown();
            publish(bus, MARKET_DATA, 0, total);
            int delivered = 0;
            for (Future<Integer> future : futures) {
                delivered += future.get(20, TimeUnit.SECONDS);
            }
            assertThat(duplicates).isEmpty();
            assertThat(delivered).isEqualTo(total);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(names(0, total));
            assertThat(bus.groupStats(MARKET_DATA, "g").pending()).isZero();
        } finally {
            consumers.shutdownNow();
        }
    }

    @Test
    void pendingAndLagCountWhatIsNotYetAcknowledgedOrDelivered() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        publish(bus, ORDERS, 0, 10);
        List<BusMessage> read = bus.read(ORDERS, "g", "c1", 4, Duration.ZERO);
        GroupStats afterRead = bus.groupStats(ORDERS, "g");
        assertThat(afterRead.lag()).isEqualTo(6);
        assertThat(afterRead.pending()).isEqualTo(4);
        assertThat(afterRead.pendingByConsumer()).containsExactlyEntriesOf(java.util.Map.of("c1", 4L));
        assertThat(afterRead.lastDeliveredId()).isEqualTo(read.get(3).id());

        assertThat(bus.acknowledge(ORDERS, "g", ids(read.subList(0, 3)))).isEqualTo(3);
        GroupStats afterAck = bus.groupStats(ORDERS, "g");
        assertThat(afterAck.pending()).isEqualTo(1);
        assertThat(afterAck.lag()).isEqualTo(6);
        assertThat(afterAck.deadLettered()).isZero();
    }

    @Test
    void acknowledgingTwiceOrAnUnknownIdIsHarmless() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        MessageId id = bus.publish(ORDERS, text("o"));
        bus.read(ORDERS, "g", "c", 1, Duration.ZERO);
        assertThat(bus.acknowledge(ORDERS, "g", id)).isTrue();
        assertThat(bus.acknowledge(ORDERS, "g", id)).isFalse();
        assertThat(bus.acknowledge(ORDERS, "g", List.of(id.next(), MessageId.ZERO))).isZero();
        assertThat(bus.groupStats(ORDERS, "g").pending()).isZero();
    }

    @Test
    void aRestartedConsumerGetsItsUnacknowledgedMessagesThenReadsOnWhereTheGroupStopped() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "engine", StartPosition.EARLIEST);
        publish(bus, ORDERS, 0, 10);
        List<BusMessage> before = bus.read(ORDERS, "engine", "engine-1", 6, Duration.ZERO);
        bus.acknowledge(ORDERS, "engine", ids(before.subList(0, 4)));
        publish(bus, ORDERS, 10, 12);

        // the consumer restarts: first what it had not acknowledged, then what the group never delivered
        List<BusMessage> pending = bus.readPending(ORDERS, "engine", "engine-1", 100);
        assertThat(texts(pending)).containsExactly("m4", "m5");
        assertThat(pending).allSatisfy(message -> assertThat(message.isRedelivery()).isTrue());
        assertThat(texts(bus.read(ORDERS, "engine", "engine-1", 100, Duration.ZERO))).isEqualTo(names(6, 12));
        assertThat(bus.readPending(ORDERS, "engine", "other", 100)).isEmpty();
    }

    @Test
    void messagesIdleLongerThanTheTimeoutAreClaimedByAnotherConsumer() throws InterruptedException {
        MessageBus bus = bus();
        bus.createGroup(SIGNALS, "g", StartPosition.EARLIEST);
        publish(bus, SIGNALS, 0, 3);
        bus.read(SIGNALS, "g", "dies", 3, Duration.ZERO);
        assertThat(bus.claimIdle(SIGNALS, "g", "survivor", IDLE, 10)).isEmpty();

        Thread.sleep(IDLE.toMillis() + 100);
        List<BusMessage> claimed = bus.claimIdle(SIGNALS, "g", "survivor", IDLE, 2);
        assertThat(texts(claimed)).containsExactly("m0", "m1");
        assertThat(claimed).allSatisfy(message -> assertThat(message.deliveryCount()).isEqualTo(2));
        GroupStats stats = bus.groupStats(SIGNALS, "g");
        assertThat(stats.pendingByConsumer()).containsEntry("survivor", 2L).containsEntry("dies", 1L);
        // a claim resets the idle time: nothing more to claim right away except the third message
        assertThat(texts(bus.claimIdle(SIGNALS, "g", "survivor", IDLE, 10))).containsExactly("m2");
        assertThat(bus.acknowledge(SIGNALS, "g", ids(claimed))).isEqualTo(2);
    }

    @Test
    void aMessageDeliveredTooOftenBecomesADeadLetter() throws InterruptedException {
        MessageBus bus = bus(BusLimits.uniform(1_000).withMaxDeliveries(2));
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        MessageId poison = bus.publish(ORDERS, text("poison"));
        bus.read(ORDERS, "g", "c1", 1, Duration.ZERO);                       // delivery 1
        Thread.sleep(IDLE.toMillis() + 100);
        assertThat(bus.claimIdle(ORDERS, "g", "c2", IDLE, 10)).hasSize(1);   // delivery 2
        Thread.sleep(IDLE.toMillis() + 100);
        assertThat(bus.claimIdle(ORDERS, "g", "c3", IDLE, 10)).isEmpty();    // would be 3: dead-lettered

        List<BusMessage> dead = bus.deadLetters(ORDERS, "g", 10);
        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(poison);
            assertThat(text(message)).isEqualTo("poison");
            assertThat(message.deliveryCount()).isEqualTo(2);
        });
        GroupStats stats = bus.groupStats(ORDERS, "g");
        assertThat(stats.pending()).isZero();
        assertThat(stats.deadLettered()).isEqualTo(1);
        assertThat(bus.readPending(ORDERS, "g", "c2", 10)).isEmpty();
    }

    @Test
    void aNewGroupStartsAtTheOldestKeptMessageOrAfterTheNewest() {
        MessageBus bus = bus();
        publish(bus, MARKET_DATA, 0, 3);
        bus.createGroup(MARKET_DATA, "replay", StartPosition.EARLIEST);
        bus.createGroup(MARKET_DATA, "live", StartPosition.LATEST);
        publish(bus, MARKET_DATA, 3, 5);
        assertThat(texts(bus.read(MARKET_DATA, "replay", "c", 10, Duration.ZERO))).isEqualTo(names(0, 5));
        assertThat(texts(bus.read(MARKET_DATA, "live", "c", 10, Duration.ZERO))).isEqualTo(names(3, 5));
    }

    @Test
    void creatingAnExistingGroupChangesNothing() {
        MessageBus bus = bus();
        assertThat(bus.createGroup(ORDERS, "g", StartPosition.EARLIEST)).isTrue();
        publish(bus, ORDERS, 0, 3);
        bus.read(ORDERS, "g", "c", 2, Duration.ZERO);
        assertThat(bus.createGroup(ORDERS, "g", StartPosition.EARLIEST)).isFalse();
        assertThat(texts(bus.read(ORDERS, "g", "c", 10, Duration.ZERO))).containsExactly("m2");
    }

    @Test
    void anUnknownGroupIsAClearError() {
        MessageBus bus = bus();
        assertThatThrownBy(() -> bus.read(ORDERS, "nobody", "c", 1, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> bus.groupStats(ORDERS, "nobody")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStreamIsTrimmedToAboutItsMaximumLengthOldestFirst() {
        MessageBus bus = bus(BusLimits.uniform(100));
        MessageId first = bus.publish(MARKET_DATA, text("m0"));
        publish(bus, MARKET_DATA, 1, 1_000);
        StreamStats stats = bus.streamStats(MARKET_DATA);
        assertThat(stats.length()).isBetween(100L, 300L);
        assertThat(stats.published()).isEqualTo(1_000);
        assertThat(stats.firstId()).isGreaterThan(first);

        bus.createGroup(MARKET_DATA, "late", StartPosition.EARLIEST);
        List<BusMessage> kept = bus.read(MARKET_DATA, "late", "c", 1_000, Duration.ZERO);
        assertThat(kept).hasSize((int) stats.length());
        assertThat(kept.get(0).id()).isEqualTo(stats.firstId());
        assertThat(text(kept.get(kept.size() - 1))).isEqualTo("m999");
    }

    @Test
    void aGroupThatFellBehindTheTrimReadsOnFromTheOldestKept() {
        MessageBus bus = bus(BusLimits.uniform(100));
        bus.createGroup(MARKET_DATA, "slow", StartPosition.EARLIEST);
        publish(bus, MARKET_DATA, 0, 1_000);
        GroupStats stats = bus.groupStats(MARKET_DATA, "slow");
        assertThat(stats.lag()).isEqualTo(bus.streamStats(MARKET_DATA).length());
        List<BusMessage> read = bus.read(MARKET_DATA, "slow", "c", 1_000, Duration.ZERO);
        assertThat(read.get(0).id()).isEqualTo(bus.streamStats(MARKET_DATA).firstId());
        assertThat(bus.groupStats(MARKET_DATA, "slow").lag()).isZero();
    }

    @Test
    void aWaitingReadReturnsAsSoonAsAMessageIsPublished() throws Exception {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.LATEST);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<List<BusMessage>> read = reader.submit(() -> bus.read(ORDERS, "g", "c", 10, Duration.ofSeconds(10)));
            Thread.sleep(100);
            long published = System.nanoTime();
            bus.publish(ORDERS, text("wake"));
            assertThat(texts(read.get(5, TimeUnit.SECONDS))).containsExactly("wake");
            assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(5));
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void aReadWithNothingToDeliverWaitsAboutItsTimeout() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.LATEST);
        long start = System.nanoTime();
        assertThat(bus.read(ORDERS, "g", "c", 10, Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
        assertThat(bus.read(ORDERS, "g", "c", 10, Duration.ZERO)).isEmpty();
    }

    @Test
    void thePublishedPayloadIsACopy() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        byte[] payload = text("abc");
        bus.publish(ORDERS, payload);
        payload[0] = 'X';
        assertThat(text(bus.read(ORDERS, "g", "c", 1, Duration.ZERO).get(0))).isEqualTo("abc");
    }

    @Test
    void anAcknowledgementThatIsNotWaitedForCountsLikeOneThatIs() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        publish(bus, ORDERS, 0, 10);
        List<BusMessage> read = bus.read(ORDERS, "g", "c1", 10, Duration.ZERO);
        var first = bus.acknowledgeAsync(ORDERS, "g", ids(read.subList(0, 4)));
        var second = bus.acknowledgeAsync(ORDERS, "g", ids(read.subList(2, 7)));
        // not waited for: the stats must see both, and the pending messages handed out must be the last three
        assertThat(bus.groupStats(ORDERS, "g").pending()).isEqualTo(3);
        assertThat(ids(bus.readPending(ORDERS, "g", "c1", 10))).isEqualTo(ids(read.subList(7, 10)));
        assertThat(first.toCompletableFuture().join() + second.toCompletableFuture().join()).isEqualTo(7);

        // many at once (an adapter may send them on several connections): none may be overtaken by the stats
        publish(bus, ORDERS, 10, 400);
        List<BusMessage> many = bus.read(ORDERS, "g", "c1", 400, Duration.ZERO);
        for (BusMessage message : many) {
            bus.acknowledgeAsync(ORDERS, "g", List.of(message.id()));
        }
        assertThat(bus.groupStats(ORDERS, "g").pending()).isEqualTo(3);
        assertThat(bus.acknowledgeAsync(ORDERS, "g", ids(read.subList(0, 2))).toCompletableFuture().join()).isZero();
        assertThat(bus.acknowledgeAsync(ORDERS, "g", List.of()).toCompletableFuture().join()).isZero();
    }

    @Test
    void anAcknowledgementNotWaitedForIsNotClaimedByAnotherConsumer() throws InterruptedException {
        MessageBus bus = bus();
        bus.createGroup(SIGNALS, "g", StartPosition.EARLIEST);
        publish(bus, SIGNALS, 0, 200);
        List<BusMessage> read = bus.read(SIGNALS, "g", "c1", 200, Duration.ZERO);
        Thread.sleep(IDLE.toMillis() + 50);
        bus.acknowledgeAsync(SIGNALS, "g", ids(read));
        assertThat(bus.claimIdle(SIGNALS, "g", "c2", IDLE, 200)).isEmpty();
    }

    @Test
    void anAcknowledgementNotWaitedForRefusesBadArgumentsAndAClosedBusAtOnce() {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.EARLIEST);
        MessageId id = bus.publish(ORDERS, text("o"));
        assertThatThrownBy(() -> bus.acknowledgeAsync(null, "g", List.of(id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus.acknowledgeAsync(ORDERS, " ", List.of(id)))
                .isInstanceOf(IllegalArgumentException.class);
        bus.close();
        assertThatThrownBy(() -> bus.acknowledgeAsync(ORDERS, "g", List.of(id)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClosedBusRefusesWorkAndReleasesWaitingReaders() throws Exception {
        MessageBus bus = bus();
        bus.createGroup(ORDERS, "g", StartPosition.LATEST);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<?> read = reader.submit(() -> bus.read(ORDERS, "g", "c", 10, Duration.ofSeconds(20)));
            Thread.sleep(100);
            bus.close();
            try {
                read.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException expected) {
                assertThat(expected.getCause()).isInstanceOf(IllegalStateException.class);
            } catch (TimeoutException e) {
                throw new AssertionError("a read waiting on a closed bus did not return within 5 s", e);
            }
            assertThatThrownBy(() -> bus.publish(ORDERS, text("late"))).isInstanceOf(IllegalStateException.class);
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * At least once, as an invariant over random interleavings: for every group, each published message is
     * acknowledged, pending, dead-lettered or not yet delivered, exactly once.
     */
    @Test
    void everyPublishedMessageIsAccountedForUnderRandomOperations() throws InterruptedException {
        for (long seed = 1; seed <= 5; seed++) {
            MessageBus bus = bus(BusLimits.uniform(1_000_000).withMaxDeliveries(3));
            bus.createGroup(MARKET_DATA, "g", StartPosition.EARLIEST);
            var random = new Random(seed);
            var acknowledged = new HashSet<MessageId>();
            var delivered = new ArrayList<BusMessage>();
            long published = 0;
            for (int step = 0; step < 400; step++) {
                String consumer = "c" + random.nextInt(3);
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        int count = 1 + random.nextInt(5);
                        var batch = new ArrayList<byte[]>();
                        for (int i = 0; i < count; i++) {
                            batch.add(text("s" + seed + "-" + published++));
                        }
                        bus.publishBatch(MARKET_DATA, batch);
                    }
                    case 2 -> delivered.addAll(bus.read(MARKET_DATA, "g", consumer, 1 + random.nextInt(8), Duration.ZERO));
                    case 3 -> {
                        if (!delivered.isEmpty()) {
                            MessageId id = delivered.get(random.nextInt(delivered.size())).id();
                            if (bus.acknowledge(MARKET_DATA, "g", id)) {
                                assertThat(acknowledged.add(id)).as("acknowledged twice: " + id).isTrue();
                            }
                        }
                    }
                    default -> delivered.addAll(random.nextBoolean()
                            ? bus.readPending(MARKET_DATA, "g", consumer, 4)
                            : bus.claimIdle(MARKET_DATA, "g", consumer, Duration.ZERO, 4));
                }
            }
            GroupStats stats = bus.groupStats(MARKET_DATA, "g");
            assertThat(acknowledged.size() + stats.pending() + stats.deadLettered() + stats.lag())
                    .as("seed " + seed).isEqualTo(published);
            assertThat(bus.deadLetters(MARKET_DATA, "g", 1_000)).hasSize((int) stats.deadLettered())
                    .allSatisfy(message -> assertThat(acknowledged).doesNotContain(message.id()));
        }
    }
}
