package io.huracan.adapter.xchange;

import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A venue for the supervisor's state machine, scripted by the test: connects fail while failures are queued,
 * snapshots come from a map, the test pushes diffs through the sink of a connection. Binance's sequence rule.
 * (The venue's real websocket is tested in {@link BinanceStreamTest}.)
 */
final class ScriptedStreamVenue implements StreamVenue {
    /** One opened connection: its coins and its sink. */
    final class Connection implements StreamConnection {
        final List<Coin> coins;
        final StreamSink sink;
        volatile boolean closed;

        Connection(List<Coin> coins, StreamSink sink) {
            this.coins = coins;
            this.sink = sink;
        }

        @Override
        public void resync(Coin coin) {
            snapshotsAsked.computeIfAbsent(coin, c -> new AtomicInteger()).incrementAndGet();
            BookUpdate snapshot = snapshots.get(coin);
            if (snapshot == null) {
                throw new IllegalStateException("no snapshot of " + coin);
            }
            sink.onBook(snapshot);
        }

        @Override
        public void close() {
            closed = true;
        }

        void diff(Coin coin, long first, long last, double bid, double bidQuantity, double ask, double askQuantity) {
            sink.onBook(BookUpdate.diff(coin, first, last, System.currentTimeMillis() * 1000,
                    List.of(new BookLevel(bid, bidQuantity)), List.of(new BookLevel(ask, askQuantity))));
        }
    }

    final RequestBudget budget;
    final RateWindow connects;
    final ConcurrentLinkedDeque<Exception> failures = new ConcurrentLinkedDeque<>();
    final List<Connection> opened = new CopyOnWriteArrayList<>();
    final Map<Coin, BookUpdate> snapshots = new ConcurrentHashMap<>();
    final Map<Coin, AtomicInteger> snapshotsAsked = new ConcurrentHashMap<>();

    ScriptedStreamVenue(int connectsPerWindow, Duration window) {
        this.budget = new RequestBudget("binance", Clock.systemUTC(), Duration.ZERO, 1);
        this.connects = budget.window("connections", connectsPerWindow, window, RateWindow.Counting.SLIDING);
    }

    void snapshot(Coin coin, long lastUpdateId, double bid, double ask) {
        snapshots.put(coin, BookUpdate.snapshot(coin, lastUpdateId, System.currentTimeMillis() * 1000,
                List.of(new BookLevel(bid, 1), new BookLevel(bid - 1, 2)), List.of(new BookLevel(ask, 1),
                        new BookLevel(ask + 1, 2))));
    }

    int asked(Coin coin) {
        AtomicInteger count = snapshotsAsked.get(coin);
        return count == null ? 0 : count.get();
    }

    Connection last() {
        return opened.get(opened.size() - 1);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BINANCE;
    }

    @Override
    public RequestBudget budget() {
        return budget;
    }

    @Override
    public List<RequestBudget.Charge> connectCharges(int coins) {
        return List.of(new RequestBudget.Charge(connects, 1));
    }

    @Override
    public BookSequence sequence() {
        return new BinanceBookSequence();
    }

    @Override
    public StreamConnection open(List<Coin> coins, StreamSink sink, Duration timeout) throws Exception {
        Exception failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        Connection connection = new Connection(coins, sink);
        opened.add(connection);
        return connection;
    }
}
