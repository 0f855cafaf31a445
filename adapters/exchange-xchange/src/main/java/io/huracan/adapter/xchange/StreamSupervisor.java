package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.ports.market.Trade;
import io.huracan.ports.metrics.ComponentHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Keeps one venue's coins streaming, whatever the venue: spreads them over connections of at most
 * {@code coins_per_connection}, charges every connect to the venue's {@link RequestBudget} (a refusal is retried
 * later and shown in the coins' detail), reconnects a lost connection with full-jitter exponential backoff and
 * resubscribes its coins, puts them DOWN after {@code max_reconnects} failures in a row (still retrying, at the
 * longest backoff), rebuilds one coin's book from a snapshot after a sequence gap, a crossed book or no update for
 * {@code stale_after}, and reconnects a connection on which no coin has had an update for that long.
 * <p>
 * Threads: connects, reconnects and the stale check run on one scheduler thread; snapshots on one resync thread (a
 * REST snapshot may wait for the request budget without holding up reconnects); book and trade events on the
 * connections' threads. A connection's events count only while it is its link's current one.
 */
final class StreamSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);
    /** Coins added within this long of each other share connections (a cluster member takes its coins one by one). */
    static final long GATHER_MILLIS = 50;

    private final StreamVenue venue;
    private final XChangeStreamConfig config;
    private final Clock clock;
    private final FullJitterBackoff backoff;
    private final StreamCounters counters = new StreamCounters();
    private final Map<Coin, CoinStream> coins = new ConcurrentSkipListMap<>();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final TreeSet<Coin> unassigned = new TreeSet<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService snapshots;
    private final long staleMicros;
    private volatile boolean closed;

    StreamSupervisor(StreamVenue venue, XChangeStreamConfig config, Clock clock, RandomGenerator random) {
        this.venue = venue;
        this.config = config;
        this.clock = clock;
        this.backoff = new FullJitterBackoff(config.reconnectBackoff(), config.reconnectBackoffMax(), random);
        this.staleMicros = config.staleAfter().toNanos() / 1000;
        String name = "huracan-stream-" + venue.exchange().key();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon(name));
        this.snapshots = Executors.newSingleThreadExecutor(daemon(name + "-resync"));
        long check = Math.max(10, Math.min(1000, config.staleAfter().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::checkStale, check, check, TimeUnit.MILLISECONDS);
    }

    /** Streams these coins too (those already streamed are left as they are); returns every one's stream. */
    List<CoinStream> add(Collection<Coin> wanted) {
        List<CoinStream> streams = new ArrayList<>(wanted.size());
        boolean added = false;
        synchronized (unassigned) {
            for (Coin coin : wanted) {
                CoinStream stream = coins.get(coin);
                if (stream == null) {
                    stream = new CoinStream(coin, venue.exchange(), venue.sequence(), counters);
                    coins.put(coin, stream);
                    unassigned.add(coin);
                    added = true;
                }
                streams.add(stream);
            }
        }
        if (added) {
            schedule(this::assign, GATHER_MILLIS);
        }
        return streams;
    }

    Optional<SymbolStreamStatus> status(Coin coin) {
        return Optional.ofNullable(coins.get(coin)).map(CoinStream::status);
    }

    /** Every coin's status, by coin. */
    List<SymbolStreamStatus> statuses() {
        return coins.values().stream().map(CoinStream::status).toList();
    }

    StreamCounters counters() {
        return counters;
    }

    int connections() {
        return links.size();
    }

    long count(StreamState state) {
        return coins.values().stream().filter(c -> c.state() == state).count();
    }

    /** Down while a coin is DOWN, or while coins are streamed and none is live. */
    ComponentHealth health() {
        Map<StreamState, Integer> byState = new EnumMap<>(StreamState.class);
        for (CoinStream stream : coins.values()) {
            byState.merge(stream.state(), 1, Integer::sum);
        }
        StringBuilder line = new StringBuilder(venue.exchange().key()).append(" streams:");
        for (StreamState state : StreamState.values()) {
            line.append(' ').append(byState.getOrDefault(state, 0)).append(' ')
                    .append(state.name().toLowerCase(java.util.Locale.ROOT)).append(',');
        }
        line.append(" on ").append(links.size()).append(" connection(s)");
        boolean down = byState.getOrDefault(StreamState.DOWN, 0) > 0
                || !coins.isEmpty() && byState.getOrDefault(StreamState.LIVE, 0) == 0;
        return down ? ComponentHealth.down(line.toString()) : ComponentHealth.up(line.toString());
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        snapshots.shutdownNow();
        for (Link link : links) {
            Sink sink = link.sink;
            if (sink != null) {
                sink.active = false;
            }
            StreamConnection connection = link.connection;
            if (connection != null) {
                connection.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------ scheduler thread

    /** Packs the coins added since the last call into new connections and opens them. */
    private void assign() {
        List<Coin> batch;
        synchronized (unassigned) {
            batch = new ArrayList<>(unassigned);
            unassigned.clear();
        }
        for (int from = 0; from < batch.size(); from += config.coinsPerConnection()) {
            List<CoinStream> streams = batch.subList(from, Math.min(batch.size(), from + config.coinsPerConnection()))
                    .stream().map(coins::get).toList();
            Link link = new Link(streams);
            links.add(link);
            connect(link);
        }
    }

    private void connect(Link link) {
        try {
            tryConnect(link);
        } catch (RuntimeException unexpected) { // a scheduled task's exception would vanish, and the link with it
            LOG.warn("{} stream connect failed unexpectedly", venue.exchange().key(), unexpected);
            link.failures++;
            retryConnect(link, "connect failed: " + oneLine(unexpected));
        }
    }

    private void tryConnect(Link link) {
        if (closed) {
            return;
        }
        try {
            venue.budget().acquire(venue.connectCharges(link.coins.size()));
        } catch (ExchangeException refused) {
            counters.refused();
            long delay = backoff.delayMillis(++link.refusals);
            String why = "connect not sent: " + refused.getMessage() + "; retrying in " + delay + " ms";
            link.coins.forEach(stream -> stream.explain(why));
            schedule(() -> connect(link), delay);
            return;
        }
        link.refusals = 0;
        Sink sink = new Sink(link);
        link.sink = sink; // the connection's events count from the moment it opens
        StreamConnection connection;
        try {
            connection = venue.open(link.coins.stream().map(CoinStream::coin).toList(), sink, config.connectTimeout());
        } catch (Exception e) {
            sink.active = false;
            link.sink = null;
            link.failures++;
            counters.reconnect(StreamCounters.Reconnect.CONNECT_FAILED);
            retryConnect(link, "connect failed: " + oneLine(e));
            return;
        }
        link.connection = connection;
        link.openedAtMillis = clock.millis();
        long now = nowMicros();
        for (CoinStream stream : link.coins) {
            stream.awaitSnapshot(StreamCounters.Resync.RECONNECT, "connected; fetching a snapshot", now);
            fetch(link, stream, 0);
        }
    }

    /** The link's connection is gone (lost, or dropped by us): reconnect it with backoff. */
    private void drop(Link link, Sink sink, StreamCounters.Reconnect reason, String why) {
        if (closed || link.sink != sink || sink == null) {
            return;
        }
        sink.active = false;
        link.sink = null;
        StreamConnection connection = link.connection;
        link.connection = null;
        if (connection != null) {
            connection.close();
        }
        // a connection that drops soon after opening backs off like a failed connect
        boolean lasted = clock.millis() - link.openedAtMillis >= backoff.maxMillis();
        link.failures = lasted ? 0 : link.failures + 1;
        counters.reconnect(reason);
        retryConnect(link, why);
    }

    private void retryConnect(Link link, String why) {
        long delay = backoff.delayMillis(link.failures);
        long now = nowMicros();
        if (link.failures >= config.maxReconnects()) {
            String detail = "down after " + link.failures + " failed connects in a row (" + why + "); retrying in "
                    + delay + " ms";
            LOG.warn("{} stream of {} coins {}", venue.exchange().key(), link.coins.size(), detail);
            link.coins.forEach(stream -> stream.down(detail, now));
        } else {
            String detail = why + "; reconnecting in " + delay + " ms";
            LOG.info("{} stream of {} coins: {}", venue.exchange().key(), link.coins.size(), detail);
            link.coins.forEach(stream -> stream.connecting(detail, now));
        }
        schedule(() -> connect(link), delay);
    }

    private void checkStale() {
        try {
            long now = nowMicros();
            for (Link link : links) {
                Sink sink = link.sink;
                if (sink == null || link.connection == null) {
                    continue;
                }
                boolean silent = now - link.openedAtMillis * 1000 > staleMicros
                        && link.coins.stream().allMatch(stream -> now - stream.lastBookMicros() > staleMicros);
                if (silent) {
                    link.coins.stream().filter(stream -> stream.state() == StreamState.LIVE).forEach(s -> counters.stale());
                    drop(link, sink, StreamCounters.Reconnect.SILENT, "no book update on the connection for "
                            + config.staleAfter().toMillis() + " ms");
                    continue;
                }
                for (CoinStream stream : link.coins) {
                    if (stream.stale(now, staleMicros)) {
                        boolean live = stream.state() == StreamState.LIVE;
                        if (live) {
                            counters.stale();
                        }
                        int attempt = stream.awaitSnapshot(StreamCounters.Resync.STALE, (live ? "no book update"
                                : "no snapshot") + " for " + config.staleAfter().toMillis() + " ms; resyncing", now);
                        fetch(link, stream, attempt);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{} stream stale check failed: {}", venue.exchange().key(), oneLine(e));
        }
    }

    // ------------------------------------------------------------------------------------ snapshots

    /** Asks the link's connection for a snapshot of the coin, at once for a first attempt, later after backoff. */
    private void fetch(Link link, CoinStream stream, int attempt) {
        Sink sink = link.sink;
        StreamConnection connection = link.connection;
        if (sink == null || connection == null || closed) {
            return;
        }
        Runnable ask = () -> submit(() -> snapshot(link, sink, connection, stream));
        if (attempt == 0) {
            ask.run();
        } else {
            schedule(ask, backoff.delayMillis(attempt - 1));
        }
    }

    private void snapshot(Link link, Sink sink, StreamConnection connection, CoinStream stream) {
        StreamState state = stream.state();
        if (closed || link.sink != sink || state != StreamState.SYNCING && state != StreamState.RESYNCING) {
            return; // the connection was replaced (its successor resyncs), or the coin is live already
        }
        try {
            connection.resync(stream.coin());
        } catch (Exception e) {
            if (link.sink != sink || closed) {
                return;
            }
            boolean notSent = e instanceof ExchangeException && RequestNotSent.causes(e);
            if (notSent) {
                counters.refused();
            }
            long delay = backoff.delayMillis(stream.retry());
            stream.explain("snapshot " + (notSent ? "not sent" : "failed") + ": " + oneLine(e) + "; retrying in "
                    + delay + " ms");
            schedule(() -> submit(() -> snapshot(link, sink, connection, stream)), delay);
        }
    }

    /** Runs the task on the scheduler thread after the delay; dropped once the supervisor is closed. */
    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile: nothing is reconnected or resynced any more
        }
    }

    private void submit(Runnable snapshot) {
        try {
            snapshots.execute(snapshot);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    private long nowMicros() {
        return clock.millis() * 1000;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Some coins on one connection, opened again whenever it is lost. Its fields change on the scheduler thread. */
    private static final class Link {
        final List<CoinStream> coins;
        volatile Sink sink;
        volatile StreamConnection connection;
        volatile long openedAtMillis;
        int failures;
        int refusals;

        Link(List<CoinStream> coins) {
            this.coins = coins;
        }
    }

    /** One connection's view of the supervisor; ignored once its connection is no longer the link's. */
    private final class Sink implements StreamSink {
        final Link link;
        volatile boolean active = true;

        Sink(Link link) {
            this.link = link;
        }

        @Override
        public void onBook(BookUpdate update) {
            if (!active) {
                return;
            }
            counters.message();
            CoinStream stream = coins.get(update.coin());
            if (stream == null) {
                return;
            }
            StreamCounters.Resync broken = stream.onBook(update, nowMicros());
            if (broken != null) {
                fetch(link, stream, stream.lastAttempt());
            }
        }

        @Override
        public void onTrade(Trade trade) {
            if (!active) {
                return;
            }
            counters.message();
            CoinStream stream = coins.get(trade.coin());
            if (stream != null) {
                stream.onTrade(trade, nowMicros());
            }
        }

        @Override
        public void onLost(String reason, Throwable error) {
            if (!active || closed) {
                return;
            }
            StreamCounters.Reconnect why = error == null ? StreamCounters.Reconnect.CLOSED : StreamCounters.Reconnect.ERROR;
            String detail = "connection lost: " + reason + (error == null ? "" : " (" + oneLine(error) + ")");
            schedule(() -> drop(link, this, why, detail), 0);
        }
    }
}
