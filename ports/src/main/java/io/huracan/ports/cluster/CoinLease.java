package io.huracan.ports.cluster;

import io.huracan.ports.market.Coin;

/**
 * The right of one engine process to trade one coin, until it expires or is released. {@code fencingToken} grows
 * with every new holder of the coin, so a process that lost its lease (paused, cut off) is told apart from the new
 * holder: whatever acts for the coin checks that its token is still the current one.
 */
public record CoinLease(Coin coin, String owner, long fencingToken) {
    public CoinLease {
        if (coin == null || owner == null || owner.isBlank() || fencingToken < 1) {
            throw new IllegalArgumentException("coin lease " + coin + " for '" + owner + "' with token " + fencingToken
                    + " is invalid; allowed: a coin, a non-blank owner, a token >= 1");
        }
    }
}
