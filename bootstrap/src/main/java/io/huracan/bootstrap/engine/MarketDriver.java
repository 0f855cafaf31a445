package io.huracan.bootstrap.engine;

import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.metrics.ComponentHealth;

import java.time.Duration;

/**
 * What moves the session on: {@link SimulatedMarketDriver} steps a replayable market on the engine's market clock,
 * {@link LiveMarketDriver} follows the venues' streams on the real clock. Either one reranks the coins and, when
 * stopped or when the session has run its length, settles it.
 */
interface MarketDriver extends ManagedService {

    /** Waits until the session has run its length, or was stopped; true if it finished within the timeout. */
    boolean awaitFinished(Duration timeout) throws InterruptedException;

    boolean isFinished();

    /** Why the session ended early, or null. */
    Throwable failure();

    ComponentHealth health();
}
