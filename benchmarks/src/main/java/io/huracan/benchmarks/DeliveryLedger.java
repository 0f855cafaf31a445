package io.huracan.benchmarks;

import io.huracan.ports.bus.GroupStats;
import io.huracan.ports.bus.MessageId;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bus bench's exactly-once check: the id publish returned for each message (by its sequence number), the id
 * it was consumed under and how often, and how many acknowledgements counted. A run passes when every message was
 * consumed exactly once under its published id, every acknowledgement counted once, and the group holds nothing
 * pending or undelivered. The publisher writes its half, the consumer the other; {@link #failures} reads both
 * after the publisher thread has been joined.
 */
final class DeliveryLedger {
    private final long[] publishedMillis;
    private final long[] publishedSequence;
    private final long[] consumedMillis;
    private final long[] consumedSequence;
    private final byte[] deliveries;
    private long foreign;
    private final AtomicLong acknowledged = new AtomicLong();

    DeliveryLedger(int count) {
        publishedMillis = new long[count];
        publishedSequence = new long[count];
        consumedMillis = new long[count];
        consumedSequence = new long[count];
        deliveries = new byte[count];
    }

    /** The publisher's side: messages {@code first}, {@code first + 1}... got these ids. */
    void published(int first, List<MessageId> ids) {
        for (int i = 0; i < ids.size(); i++) {
            publishedMillis[first + i] = ids.get(i).millis();
            publishedSequence[first + i] = ids.get(i).sequence();
        }
    }

    /** The consumer's side: the message numbered {@code number} (from its payload) arrived under {@code id}. */
    void consumed(int number, MessageId id) {
        if (number < 0 || number >= deliveries.length) {
            foreign++;
            return;
        }
        consumedMillis[number] = id.millis();
        consumedSequence[number] = id.sequence();
        if (deliveries[number] < Byte.MAX_VALUE) {
            deliveries[number]++;
        }
    }

    /** Any thread: acknowledgements complete on the bus's threads. */
    void acknowledged(int count) {
        acknowledged.addAndGet(count);
    }

    /** Empty when the run was exactly once; otherwise one line saying what went wrong, with a first example. */
    String failures(GroupStats group) {
        long missing = 0;
        long twice = 0;
        long otherId = 0;
        int example = -1;
        for (int i = 0; i < deliveries.length; i++) {
            boolean wrong = true;
            if (deliveries[i] == 0) {
                missing++;
            } else if (deliveries[i] > 1) {
                twice++;
            } else if (consumedMillis[i] != publishedMillis[i] || consumedSequence[i] != publishedSequence[i]) {
                otherId++;
            } else {
                wrong = false;
            }
            if (wrong && example < 0) {
                example = i;
            }
        }
        if (missing + twice + otherId + foreign == 0 && acknowledged.get() == deliveries.length && group.pending() == 0
                && group.lag() == 0) {
            return "";
        }
        return "exactly-once check failed: of " + deliveries.length + " messages " + missing + " never consumed, "
                + twice + " consumed more than once, " + otherId + " consumed under another id than publish returned"
                + (example < 0 ? "" : " (first: message " + example + ")") + ", " + foreign
                + " consumed that were never published; acknowledged " + acknowledged.get() + "; the group has "
                + group.pending() + " pending and " + group.lag() + " undelivered";
    }
}
