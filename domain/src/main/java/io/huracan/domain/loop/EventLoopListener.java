package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;

/**
 * Where the loops report what needs attention (bootstrap turns these into metrics, logs and RISK_EVENTS).
 * Called from loop or supervisor threads; implementations must be thread-safe and quick.
 */
public interface EventLoopListener {
    EventLoopListener NONE = new EventLoopListener() {
    };

    /** A handler threw on loop {@code loop}; the loop goes on with a fresh handler and the same coin states. */
    default void loopRestarted(int loop, Coin coin, int restarts, RuntimeException cause) {
    }

    /** A loop has not completed a duty cycle for longer than the stall threshold. */
    default void loopStalled(LoopHealth health) {
    }

    /** A stalled loop is beating again. */
    default void loopRecovered(LoopHealth health) {
    }

    /** An Error ended a loop thread; its coins' events are no longer processed. */
    default void loopDied(int loop, Throwable cause) {
    }
}
