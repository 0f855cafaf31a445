package io.huracan.ports.bus;

/**
 * A message's position in its stream, shaped like a Redis Streams id: milliseconds of the bus clock and a
 * sequence within that millisecond, written {@code "1718000000123-0"}. Ids of one stream strictly increase in
 * publish order, even if the clock steps back.
 */
public record MessageId(long millis, long sequence) implements Comparable<MessageId> {
    /** Before every message: {@code 0-0}. */
    public static final MessageId ZERO = new MessageId(0, 0);

    public MessageId {
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("message id " + millis + "-" + sequence
                    + " is invalid; allowed: two integers >= 0 written ms-seq");
        }
    }

    /** Parses {@code ms-seq}, the form {@link #toString()} writes and Redis returns. */
    public static MessageId parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw new IllegalArgumentException("message id '" + text + "' is invalid; allowed: ms-seq, e.g. 1718000000123-0");
        }
        try {
            return new MessageId(Long.parseLong(text, 0, dash, 10), Long.parseLong(text, dash + 1, text.length(), 10));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("message id '" + text + "' is invalid; allowed: ms-seq, e.g. 1718000000123-0");
        }
    }

    /** The smallest id greater than this one. */
    public MessageId next() {
        return sequence == Long.MAX_VALUE ? new MessageId(millis + 1, 0) : new MessageId(millis, sequence + 1);
    }

    @Override
    public int compareTo(MessageId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    public boolean isAfter(MessageId other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
