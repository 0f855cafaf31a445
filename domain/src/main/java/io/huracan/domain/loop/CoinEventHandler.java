package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;

/**
 * Handles the events of the coins one loop thread owns. Every method runs on that thread only; {@code state} is
 * the coin's own, so no locks are needed. An exception is reported, the event that caused it is counted as failed
 * and skipped, and the loop goes on with a fresh handler from {@link CoinStage#newHandler} and the same states.
 */
public interface CoinEventHandler<S, E> {

    void onEvent(Coin coin, S state, E event);

    /**
     * The loop's entry point: the event with the engine-clock monotonic time it was queued at, for handlers that
     * measure their latency from the offer. Delegates to {@link #onEvent(Coin, Object, Object)} by default.
     */
    default void onEvent(Coin coin, S state, E event, long enqueuedNanos) {
        onEvent(coin, state, event);
    }

    /** The loop now owns the coin (at start, when the coin joined, or when it moved here). */
    default void onCoinAssigned(Coin coin, S state) {
    }

    /** The loop gives the coin up: after this call another thread may own {@code state}. */
    default void onCoinReleased(Coin coin, S state, CoinRelease reason) {
    }

    /**
     * An event that reached the loop after its coin had left it (queued by a handler on a loop thread while the coin
     * was being handed over; see {@link EventLoopManager#offer}): not processed, only reported, so that whoever
     * counts what the loops handled can count it too.
     */
    default void onDeparted(Coin coin, E event) {
    }

    /** After each batch of events and before shutdown: publish what was buffered. */
    default void flush() {
    }

    /** The loop stops; called once after the last flush. */
    default void close() {
    }
}
