package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;

/**
 * The per-coin pipeline stage that the event loops run: it makes each coin's state and a handler per loop
 * thread. The state of a coin is only ever touched by the one thread that owns the coin; when the coin moves to
 * another loop its state moves with it.
 *
 * @param <S> a coin's mutable state (features, regime, positions ...)
 * @param <E> the events the loops carry (book tops, trades, funding, fills ...)
 */
public interface CoinStage<S, E> {

    /** A new coin's state, made when the coin joins the active set; it is then handed to the owning loop. */
    S newCoinState(Coin coin);

    /**
     * The handler of loop {@code loopIndex}, made when the loop starts and again when it is restarted after its
     * handler threw, so per-thread scratch space lives in the handler and starts clean after a failure.
     */
    CoinEventHandler<S, E> newHandler(int loopIndex);
}
