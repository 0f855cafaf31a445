package io.huracan.ports.market;

/**
 * One coin's live stream on one venue, for status lines and health checks.
 *
 * @param lastEventMicros when the last message for the coin arrived (book update or trade), by the engine's
 *                        clock, epoch microseconds; 0 before the first
 * @param gaps            sequence gaps detected in the venue's book updates since the feed started
 * @param resyncs         times the book was rebuilt after it was live (gap, stale book, reconnect)
 * @param detail          one line: why the stream is in this state, e.g. the reconnect reason and the next attempt
 */
public record SymbolStreamStatus(Coin coin, ExchangeId exchange, StreamState state, long lastEventMicros, long gaps,
                                 long resyncs, String detail) {
    public SymbolStreamStatus {
        if (coin == null || exchange == null || state == null || detail == null) {
            throw new IllegalArgumentException("stream status needs a coin, an exchange, a state and a detail");
        }
    }
}
