package io.huracan.adapter.redis;

import io.huracan.ports.bus.StreamType;

import java.util.concurrent.TimeUnit;

/**
 * The acknowledgements this bus has sent and Redis has not yet answered, per stream, so that calls reporting or
 * handing out pending messages can wait for them first: the XACK and the later command may travel on different
 * connections, and the later one must not overtake it.
 */
final class InFlightAcks {
    private final long[] inFlight = new long[StreamType.values().length];

    synchronized void sent(StreamType stream) {
        inFlight[stream.ordinal()]++;
    }

    synchronized void answered(StreamType stream) {
        inFlight[stream.ordinal()]--;
        notifyAll();
    }

    /** Waits until every acknowledgement sent on the stream is answered, at most until {@code deadlineNanos}. */
    synchronized void awaitAnswered(StreamType stream, long deadlineNanos) throws InterruptedException {
        while (inFlight[stream.ordinal()] > 0) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
    }

    /** Waits until every acknowledgement sent on any stream is answered, at most until {@code deadlineNanos}. */
    synchronized void awaitAllAnswered(long deadlineNanos) throws InterruptedException {
        for (StreamType stream : StreamType.values()) {
            awaitAnswered(stream, deadlineNanos);
        }
    }
}
