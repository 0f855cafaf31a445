package io.huracan.domain.market;

import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.ReplayableMarketDataFeed;
import io.huracan.ports.market.Trade;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.QueryOrder;
import io.huracan.ports.storage.RowCursor;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replays stored market data (book tops, trades and funding rates of a time range) as a feed, through the same
 * interface the simulator offers: {@code huracan run --replay} trades yesterday the way it trades the simulator.
 * The three datasets are read as time-ordered streams across coins and merged by timestamp (book tops, then
 * trades, then funding at equal times), with the store's bounded read-ahead, so a day of 400 coins streams
 * without being loaded. Events of coins nobody subscribed to are skipped.
 */
public final class StoredMarketReplay implements ReplayableMarketDataFeed, AutoCloseable {
    private final Source<BookTop> books;
    private final Source<Trade> trades;
    private final Source<FundingRate> funding;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** Replays {@code [fromMicros, toMicros)} of every stored coin in {@code coins} (empty: every stored coin). */
    public StoredMarketReplay(MarketDataStore store, Set<Coin> coins, long fromMicros, long toMicros) {
        this.books = new Source<>(store.query(query(Dataset.BOOK_TOPS, coins, fromMicros, toMicros)), BookTop::timestampMicros);
        this.trades = new Source<>(store.query(query(Dataset.TRADES, coins, fromMicros, toMicros)), Trade::timestampMicros);
        this.funding = new Source<>(store.query(query(Dataset.FUNDING, coins, fromMicros, toMicros)), FundingRate::timestampMicros);
    }

    private static <T> MarketDataQuery<T> query(Dataset<T> dataset, Set<Coin> coins, long from, long to) {
        return new MarketDataQuery<>(dataset, coins, from, to, QueryOrder.MERGED_BY_TIME);
    }

    @Override
    public Subscription subscribe(Set<Coin> coins, MarketDataListener listener) {
        var registration = new Registration(Set.copyOf(coins), listener);
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    @Override
    public long advanceTo(long epochMicros) {
        long delivered = 0;
        while (true) {
            long next = nextEventMicros();
            if (next > epochMicros) {
                return delivered;
            }
            if (books.time() == next) {
                BookTop top = books.take();
                registrations.forEach(r -> r.bookTop(top));
            } else if (trades.time() == next) {
                Trade trade = trades.take();
                registrations.forEach(r -> r.trade(trade));
            } else {
                FundingRate rate = funding.take();
                registrations.forEach(r -> r.funding(rate));
            }
            delivered++;
        }
    }

    @Override
    public long nextEventMicros() {
        return Math.min(books.time(), Math.min(trades.time(), funding.time()));
    }

    @Override
    public void close() {
        books.cursor.close();
        trades.cursor.close();
        funding.cursor.close();
    }

    /** One dataset's cursor with its next row looked at ahead. */
    private static final class Source<T> {
        private final RowCursor<T> cursor;
        private final java.util.function.ToLongFunction<T> timeOf;
        private T head;

        Source(RowCursor<T> cursor, java.util.function.ToLongFunction<T> timeOf) {
            this.cursor = cursor;
            this.timeOf = timeOf;
            this.head = cursor.hasNext() ? cursor.next() : null;
        }

        long time() {
            return head == null ? Long.MAX_VALUE : timeOf.applyAsLong(head);
        }

        T take() {
            T taken = head;
            head = cursor.hasNext() ? cursor.next() : null;
            return taken;
        }
    }

    private record Registration(Set<Coin> coins, MarketDataListener listener) {
        void bookTop(BookTop top) {
            if (coins.contains(top.coin())) {
                listener.onBookTop(top);
            }
        }

        void trade(Trade trade) {
            if (coins.contains(trade.coin())) {
                listener.onTrade(trade);
            }
        }

        void funding(FundingRate rate) {
            if (coins.contains(rate.coin())) {
                listener.onFundingRate(rate);
            }
        }
    }
}
