package io.huracan.ports.bus;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The engine's message streams ({@link StreamType}), with Redis-Streams semantics so that the in-memory bus and
 * the Redis bus are interchangeable; the full contract is in {@code docs/message-bus.md} and in the testkit's
 * {@code MessageBusContract}.
 *
 * <ul>
 *   <li>Delivery is at least once. A consumer acknowledges what it has handled; what it does not acknowledge is
 *       delivered again: to the same consumer by {@link #readPending} (after a restart), or to another one by
 *       {@link #claimIdle} (when the first timed out or died). Handlers that must not act twice key on the id.</li>
 *   <li>Every consumer group sees every message; the consumers of one group share them, each new message going
 *       to one consumer. A group's position is kept by the bus, so a restarted consumer reads on where the group
 *       stopped.</li>
 *   <li>Ids increase strictly within a stream. Streams are trimmed to about {@link BusLimits#maxLength}.</li>
 *   <li>A message delivered {@link BusLimits#maxDeliveries} times without an acknowledgement is moved to the
 *       group's dead letters instead of being delivered again.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface MessageBus extends AutoCloseable {

    /** Appends one message and returns its id. */
    MessageId publish(StreamType stream, byte[] payload);

    /** Appends messages in order, atomically with respect to other publishers, and returns their ids. */
    List<MessageId> publishBatch(StreamType stream, List<byte[]> payloads);

    /**
     * Creates a consumer group on the stream, starting at {@code from}; returns false (and changes nothing) if the
     * group exists already, so every process may call it at start.
     */
    boolean createGroup(StreamType stream, String group, StartPosition from);

    /**
     * Delivers up to {@code maxCount} messages the group has never delivered, to {@code consumer}, and records
     * them as pending for it. Waits up to {@code timeout} when there are none (zero: do not wait). An unknown
     * group is an {@link IllegalStateException}.
     */
    List<BusMessage> read(StreamType stream, String group, String consumer, int maxCount, Duration timeout);

    /**
     * Delivers again up to {@code maxCount} of the messages pending for {@code consumer}, oldest first: what a
     * consumer reads first after a restart. Each counts as a delivery.
     */
    List<BusMessage> readPending(StreamType stream, String group, String consumer, int maxCount);

    /**
     * Moves up to {@code maxCount} pending messages of any consumer of the group, idle (not delivered) for at least
     * {@code minIdle}, to {@code consumer} and delivers them, oldest first; this is how the work of a consumer that
     * died or timed out is taken over. Messages that reached the delivery limit go to the dead letters instead.
     */
    List<BusMessage> claimIdle(StreamType stream, String group, String consumer, Duration minIdle, int maxCount);

    /** Acknowledges messages; returns how many were pending (acknowledging twice or an unknown id is harmless). */
    int acknowledge(StreamType stream, String group, Collection<MessageId> ids);

    default boolean acknowledge(StreamType stream, String group, MessageId id) {
        return acknowledge(stream, group, List.of(id)) == 1;
    }

    /**
     * Acknowledges without waiting for the bus, so that a consumer reads on while the acknowledgement travels: the
     * stage completes with how many were pending, or exceptionally with what {@link #acknowledge} would have thrown
     * about the bus itself (bad arguments and a closed bus throw at once). Calls on this bus that report or hand out
     * pending messages ({@link #readPending}, {@link #claimIdle}, {@link #deadLetters}, {@link #groupStats}) see
     * every acknowledgement issued before them. An acknowledgement still travelling when the process dies is lost,
     * and its messages are delivered again, as for a crash before {@link #acknowledge}. The ids are read before it
     * returns, so the caller may reuse the collection. By default, at once.
     */
    default CompletionStage<Integer> acknowledgeAsync(StreamType stream, String group, Collection<MessageId> ids) {
        return CompletableFuture.completedFuture(acknowledge(stream, group, ids));
    }

    /** Up to {@code maxCount} of the group's dead letters, oldest first, each with the deliveries it had. */
    List<BusMessage> deadLetters(StreamType stream, String group, int maxCount);

    StreamStats streamStats(StreamType stream);

    /** An unknown group is an {@link IllegalStateException}. */
    GroupStats groupStats(StreamType stream, String group);

    /** Releases resources; readers waiting in {@link #read} return. Calls after close throw IllegalStateException. */
    @Override
    void close();
}
