package io.huracan.ports.market;

import io.huracan.ports.config.InvalidConfigException;

import java.util.HashSet;
import java.util.List;

/**
 * The coins the engine may trade: at most {@code maxCoins} listed, of which {@code activeCoins} are traded at
 * any time (the top by cost efficiency). Prices and limits are in {@code quoteCurrency}.
 */
public record Universe(String quoteCurrency, int maxCoins, int activeCoins, List<CoinListing> coins) {
    public Universe {
        if (quoteCurrency == null || !quoteCurrency.matches("[A-Z]{2,10}")) {
            throw new InvalidConfigException("quote_currency", "'" + quoteCurrency
                    + "' is invalid; allowed: 2-10 upper-case letters, e.g. USDT");
        }
        if (maxCoins <= 0) {
            throw new InvalidConfigException("max_coins", maxCoins + " is invalid; allowed: an integer > 0");
        }
        if (activeCoins < 0 || activeCoins > maxCoins) {
            throw new InvalidConfigException("active_coins", activeCoins + " is out of range [0, max_coins = "
                    + maxCoins + "]");
        }
        coins = List.copyOf(coins);
        if (coins.size() > maxCoins) {
            throw new InvalidConfigException("coins", coins.size() + " coins listed; allowed: at most max_coins = "
                    + maxCoins);
        }
        if (activeCoins > coins.size()) {
            throw new InvalidConfigException("active_coins", activeCoins + " is more than the " + coins.size()
                    + " coins listed; allowed: at most the number of coins");
        }
        var seen = new HashSet<Coin>();
        for (CoinListing listing : coins) {
            if (!seen.add(listing.symbol())) {
                throw new InvalidConfigException("coins", "coin " + listing.symbol() + " is listed twice; allowed: "
                        + "each coin once");
            }
        }
    }
}
