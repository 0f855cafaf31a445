package io.huracan.domain.risk;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Universe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration step that turns the universe's coins, sectors and exchanges into dense int indices once, so
 * the risk check works on primitive arrays. Coin indices follow the listing order; an exchange's index is its
 * {@link ExchangeId#ordinal()}.
 */
public final class RiskUniverse {
    public static final int EXCHANGES = ExchangeId.values().length;
    private static final ExchangeId[] EXCHANGE_IDS = ExchangeId.values();

    private final Coin[] coins;
    private final int[] sectorOfCoin;
    private final int[] listedExchangeMask;
    private final Sector[] sectors;
    private final Map<Coin, Integer> coinIndex = new HashMap<>();

    public RiskUniverse(Universe universe) {
        List<CoinListing> listings = universe.coins();
        coins = new Coin[listings.size()];
        sectorOfCoin = new int[listings.size()];
        listedExchangeMask = new int[listings.size()];
        Map<Sector, Integer> sectorIndex = new HashMap<>();
        List<Sector> sectorList = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            CoinListing listing = listings.get(i);
            coins[i] = listing.symbol();
            coinIndex.put(listing.symbol(), i);
            sectorOfCoin[i] = sectorIndex.computeIfAbsent(listing.sector(), s -> {
                sectorList.add(s);
                return sectorList.size() - 1;
            });
            for (ExchangeId exchange : listing.exchanges()) {
                listedExchangeMask[i] |= 1 << exchange.ordinal();
            }
        }
        sectors = sectorList.toArray(Sector[]::new);
    }

    public int coinCount() {
        return coins.length;
    }

    public int sectorCount() {
        return sectors.length;
    }

    /** The index of a listed coin; an unknown coin is a wiring error and fails loudly. */
    public int coinIndex(Coin coin) {
        Integer index = coinIndex.get(coin);
        if (index == null) {
            throw new IllegalArgumentException("coin " + coin + " is not in the universe; allowed: one of the "
                    + coins.length + " listed coins");
        }
        return index;
    }

    public Coin coin(int index) {
        return coins[index];
    }

    public int sectorOf(int coin) {
        return sectorOfCoin[coin];
    }

    public Sector sector(int index) {
        return sectors[index];
    }

    public boolean isListed(int coin, int exchange) {
        return (listedExchangeMask[coin] & (1 << exchange)) != 0;
    }

    public static ExchangeId exchange(int index) {
        return EXCHANGE_IDS[index];
    }
}
