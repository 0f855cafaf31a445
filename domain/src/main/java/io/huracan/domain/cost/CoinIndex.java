package io.huracan.domain.cost;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Universe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The universe's coins resolved once to dense int indices (their order in the universe), so that hot paths keep
 * per-(exchange, coin) state in primitive arrays at {@link #slot(int, int)}. Exchanges are indexed by
 * {@link ExchangeId#ordinal()}. The paper venue simulates every coin of the universe, so it lists them all.
 */
public final class CoinIndex {
    /** Number of exchanges the engine knows: the first dimension of every slot array. */
    public static final int EXCHANGES = ExchangeId.values().length;

    private final Coin[] coins;
    private final Map<Coin, Integer> indices;
    private final boolean[] listed;

    private CoinIndex(List<CoinListing> listings) {
        coins = new Coin[listings.size()];
        indices = new HashMap<>(listings.size() * 2);
        listed = new boolean[EXCHANGES * listings.size()];
        for (int i = 0; i < coins.length; i++) {
            CoinListing listing = listings.get(i);
            coins[i] = listing.symbol();
            indices.put(listing.symbol(), i);
            for (ExchangeId exchange : ExchangeId.values()) {
                listed[slot(exchange.ordinal(), i)] = exchange == ExchangeId.PAPER
                        || listing.exchanges().contains(exchange);
            }
        }
    }

    public static CoinIndex of(Universe universe) {
        return new CoinIndex(universe.coins());
    }

    public static CoinIndex of(List<CoinListing> listings) {
        return new CoinIndex(listings);
    }

    /** Number of coins, i.e. one past the largest coin index. */
    public int size() {
        return coins.length;
    }

    /** Number of (exchange, coin) slots: the length of a per-slot array. */
    public int slots() {
        return listed.length;
    }

    public Coin coin(int index) {
        return coins[index];
    }

    /** The coin's index, or -1 when the coin is not in the universe. Allocation-free. */
    public int indexOf(Coin coin) {
        Integer index = indices.get(coin);
        return index == null ? -1 : index;
    }

    /** The array position of (exchange, coin) in per-slot arrays. */
    public int slot(int exchange, int coin) {
        return exchange * coins.length + coin;
    }

    public boolean isListed(int exchange, int coin) {
        return listed[slot(exchange, coin)];
    }
}
