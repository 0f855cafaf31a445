package io.huracan.bootstrap.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.domain.market.StoredMarketReplay;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.market.ReplayableMarketDataFeed;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.QueryOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Feeds the paper venues from stored market data instead of the simulator: book tops, trades and funding of
 * {@code [fromMicros, toMicros)} from the Parquet store at {@code engine.storage.root}. Each coin's instruments are
 * derived from its first stored book top on each venue: a tick of five significant digits, a lot worth about a
 * hundredth of the quote currency, and the paper venues' minimum notional.
 */
final class ReplayMarketModule extends AbstractModule {
    private static final int ROWS_TO_FIND_VENUES = 10_000;

    private final EngineConfig config;
    private final long fromMicros;
    private final long toMicros;

    ReplayMarketModule(EngineConfig config, long fromMicros, long toMicros) {
        this.config = config;
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
    }

    @Provides
    @Singleton
    MarketDataStore store() {
        return AdapterSelection.marketDataStore(config.storage());
    }

    @Provides
    @Singleton
    StoredMarketReplay replay(MarketDataStore store) {
        return new StoredMarketReplay(store, Set.of(), fromMicros, toMicros);
    }

    @Provides
    @Singleton
    ReplayableMarketDataFeed replayableFeed(StoredMarketReplay replay) {
        return replay;
    }

    @Provides
    @Singleton
    MarketDataFeed feed(StoredMarketReplay replay) {
        return replay;
    }

    @Provides
    @Singleton
    List<Instrument> instruments(MarketDataStore store) {
        List<Instrument> instruments = new ArrayList<>();
        BigDecimal minNotional = BigDecimal.valueOf(config.exchanges().paper().minNotional());
        for (CoinListing listing : config.universe().coins()) {
            Set<ExchangeId> seen = EnumSet.noneOf(ExchangeId.class);
            var query = new MarketDataQuery<>(Dataset.BOOK_TOPS, Set.of(listing.symbol()), fromMicros, toMicros,
                    QueryOrder.BY_COIN);
            try (var rows = store.query(query)) {
                for (int i = 0; i < ROWS_TO_FIND_VENUES && rows.hasNext() && seen.size() < ExchangeId.values().length; i++) {
                    BookTop top = rows.next();
                    if (seen.add(top.exchange())) {
                        instruments.add(instrument(listing.symbol(), top, minNotional));
                    }
                }
            }
        }
        if (instruments.isEmpty()) {
            throw new IllegalStateException("no book tops stored under " + config.storage().root() + " for the replayed "
                    + "range; import or record some first (huracan storage import)");
        }
        return instruments;
    }

    private Instrument instrument(Coin coin, BookTop top, BigDecimal minNotional) {
        double mid = top.mid();
        int magnitude = (int) Math.floor(Math.log10(mid));
        BigDecimal tick = BigDecimal.ONE.scaleByPowerOfTen(magnitude - 4);
        BigDecimal lot = BigDecimal.ONE.scaleByPowerOfTen(-magnitude - 2);
        return new Instrument(coin, top.exchange(), config.exchanges().paper().market(),
                config.universe().quoteCurrency(), tick, lot, minNotional);
    }
}
