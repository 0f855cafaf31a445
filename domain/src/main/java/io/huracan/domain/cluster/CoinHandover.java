package io.huracan.domain.cluster;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.market.Coin;

import java.util.List;

/** What {@link CoinOwnership} asks of the engine when coins come and go; called on the ownership thread. */
public interface CoinHandover {

    /** Start trading these coins under their leases (fenced by their tokens from the first order on). */
    void start(List<CoinLease> leases);

    /** Stop opening trades on the coin and close what it holds; it is released once {@link #settled}. */
    void beginRelease(Coin coin);

    /** True once the coin holds no position and has no working order, so another process may take it. */
    boolean settled(Coin coin);

    /**
     * Stop trading these coins now (harmless for coins already stopped): released after settling ({@code lost}
     * false), or lost because their leases are gone (expired, taken over), when nothing more may be sent for them
     * and their working orders are cancelled.
     */
    void stop(List<Coin> coins, boolean lost);
}
