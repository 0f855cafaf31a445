package io.huracan.bootstrap.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.MarketDataStore;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Supplier;

/**
 * The coin sets a running engine retrains: one per coin of its universe that has stored features, the same jobs
 * {@code huracan retrain} runs by default. Listing the store reads every partition, so the answer is kept for
 * {@code refresh} (data arrives by import, not by the second).
 */
public final class StoredCoinSets implements Supplier<List<Set<Coin>>> {
    private final Supplier<MarketDataStore> store;
    private final Set<Coin> universe;
    private final long refreshNanos;
    private List<Set<Coin>> sets;
    private long readAt;

    public StoredCoinSets(Supplier<MarketDataStore> store, Set<Coin> universe, Duration refresh) {
        this.store = store;
        this.universe = Set.copyOf(universe);
        this.refreshNanos = refresh.toNanos();
    }

    @Override
    public synchronized List<Set<Coin>> get() {
        long now = System.nanoTime();
        if (sets == null || now - readAt >= refreshNanos) {
            SortedSet<Coin> stored = RetrainingBatch.storedCoins(store.get());
            sets = stored.stream().filter(universe::contains).<Set<Coin>>map(Set::of).toList();
            readAt = now;
        }
        return sets;
    }
}
