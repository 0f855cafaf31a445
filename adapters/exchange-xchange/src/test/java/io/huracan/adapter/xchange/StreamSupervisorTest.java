package io.huracan.adapter.xchange;

import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's state machine over a scripted venue (connects that fail on cue, snapshots from a map, diffs pushed
 * by the test); the real websocket path is {@link BinanceStreamTest}'s.
 */
class StreamSupervisorTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final Coin ETH = Coin.of("ETH");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private StreamSupervisor supervisor;

    @AfterEach
    void close() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private static XChangeStreamConfig config(int coinsPerConnection, int maxReconnects, Duration staleAfter) {
        return new XChangeStreamConfig(ExchangeId.BINANCE, "", coinsPerConnection, Duration.ofSeconds(1),
                Duration.ofMillis(20), Duration.ofMillis(200), maxReconnects, staleAfter, 100);
    }

    private StreamSupervisor start(ScriptedStreamVenue venue, XChangeStreamConfig config, RecordingListener listener,
                                   List<Coin> coins) {
        supervisor = new StreamSupervisor(venue, config, Clock.systemUTC(), new SplittableRandom(7));
        supervisor.add(coins).forEach(stream -> stream.addListener(listener));
        return supervisor;
    }

    private void awaitState(Coin coin, StreamState state) {
        Eventually.until(WAIT, () -> supervisor.status(coin).map(s -> s.state() == state).orElse(false),
                () -> String.valueOf(supervisor.status(coin)));
    }

    private SymbolStreamStatus status(Coin coin) {
        return supervisor.status(coin).orElseThrow();
    }

    @Test
    void coinsAreSpreadOverConnectionsOfAtMostTheConfiguredSize() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        List<Coin> coins = List.of(Coin.of("ADA"), BTC, Coin.of("DOT"), ETH, Coin.of("SOL"));
        coins.forEach(coin -> venue.snapshot(coin, 10, 100, 101));
        start(venue, config(2, 3, Duration.ofMinutes(1)), new RecordingListener(), coins);

        Eventually.until(WAIT, () -> venue.opened.size() == 3, () -> venue.opened.size() + " connections");
        assertThat(venue.opened).extracting(c -> c.coins).containsExactly(
                List.of(Coin.of("ADA"), BTC), List.of(Coin.of("DOT"), ETH), List.of(Coin.of("SOL")));
        assertThat(venue.budget.used("connections")).isEqualTo(3);
        coins.forEach(coin -> awaitState(coin, StreamState.LIVE));
    }

    @Test
    void aBookGoesLiveOnItsSnapshotAndATopIsPublishedOnlyWhenItChanges() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        venue.snapshot(BTC, 100, 30000, 30001);
        RecordingListener listener = new RecordingListener();
        start(venue, config(10, 3, Duration.ofMinutes(1)), listener, List.of(BTC));
        awaitState(BTC, StreamState.LIVE);
        ScriptedStreamVenue.Connection connection = venue.last();

        connection.diff(BTC, 101, 102, 30000.5, 3, 30001, 1);  // a better bid: a new top
        connection.diff(BTC, 103, 103, 29990, 4, 30010, 5);    // deeper levels only: the same top
        connection.diff(BTC, 104, 104, 30000.5, 3, 30001, 2);  // the ask quantity changes: a new top

        assertThat(listener.tops(BTC)).extracting(BookTop::bidPrice, BookTop::bidQuantity, BookTop::askPrice,
                BookTop::askQuantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(30000.0, 1.0, 30001.0, 1.0),
                org.assertj.core.groups.Tuple.tuple(30000.5, 3.0, 30001.0, 1.0),
                org.assertj.core.groups.Tuple.tuple(30000.5, 3.0, 30001.0, 2.0));
        assertThat(status(BTC).detail()).isEqualTo("in sequence since snapshot 100");
        assertThat(supervisor.counters().messageCount()).isEqualTo(4); // the snapshot and three diffs
    }

    @Test
    void aGapRebuildsOnlyThatCoinsBook() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        venue.snapshot(BTC, 100, 30000, 30001);
        venue.snapshot(ETH, 500, 2000, 2001);
        RecordingListener listener = new RecordingListener();
        start(venue, config(10, 3, Duration.ofMinutes(1)), listener, List.of(BTC, ETH));
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
        ScriptedStreamVenue.Connection connection = venue.last();
        connection.diff(BTC, 101, 101, 30000, 2, 30001, 1);
        venue.snapshot(BTC, 110, 30005, 30006);

        connection.diff(BTC, 105, 106, 30000, 3, 30001, 1); // 102..104 are missing

        awaitState(BTC, StreamState.LIVE);
        assertThat(venue.asked(BTC)).isEqualTo(2);
        assertThat(venue.asked(ETH)).isEqualTo(1);
        assertThat(status(BTC)).extracting(SymbolStreamStatus::gaps, SymbolStreamStatus::resyncs).containsExactly(1L, 1L);
        assertThat(status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::gaps,
                SymbolStreamStatus::resyncs).containsExactly(StreamState.LIVE, 0L, 0L);
        assertThat(supervisor.counters().gapCount()).isEqualTo(1);
        assertThat(supervisor.counters().resyncCount(StreamCounters.Resync.GAP)).isEqualTo(1);
        assertThat(listener.tops(BTC).get(listener.tops(BTC).size() - 1).bidPrice()).isEqualTo(30005);
        assertThat(venue.opened).hasSize(1); // no reconnect
    }

    @Test
    void aSnapshotBehindTheStreamIsFetchedAgain() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        venue.snapshot(BTC, 100, 30000, 30001);
        start(venue, config(10, 3, Duration.ofMinutes(1)), new RecordingListener(), List.of(BTC));
        awaitState(BTC, StreamState.LIVE);
        ScriptedStreamVenue.Connection connection = venue.last();
        venue.snapshot(BTC, 120, 30000, 30001);         // the snapshot after the gap is still behind...
        connection.diff(BTC, 130, 131, 30000, 2, 30001, 1); // ...this diff (a gap: 101..129 missing)
        Eventually.until(WAIT, () -> venue.asked(BTC) >= 3, () -> venue.asked(BTC) + " snapshots");
        assertThat(status(BTC).state()).isEqualTo(StreamState.RESYNCING);
        assertThat(supervisor.counters().resyncCount(StreamCounters.Resync.SNAPSHOT_BEHIND)).isPositive();

        venue.snapshot(BTC, 130, 30000, 30001); // holds 130: the held diff 130..131 follows it
        awaitState(BTC, StreamState.LIVE);
        assertThat(status(BTC).detail()).isEqualTo("in sequence since snapshot 130");
    }

    @Test
    void aLostConnectionIsReopenedAndItsCoinsResubscribedAndResynced() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        venue.snapshot(BTC, 100, 30000, 30001);
        venue.snapshot(ETH, 500, 2000, 2001);
        start(venue, config(10, 3, Duration.ofMinutes(1)), new RecordingListener(), List.of(BTC, ETH));
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
        ScriptedStreamVenue.Connection first = venue.last();

        first.sink.onLost("closed by the venue", null);

        Eventually.until(WAIT, () -> venue.opened.size() == 2, () -> venue.opened.size() + " connections");
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
        assertThat(first.closed).isTrue();
        assertThat(venue.last().coins).containsExactly(BTC, ETH);
        assertThat(supervisor.counters().reconnectCount(StreamCounters.Reconnect.CLOSED)).isEqualTo(1);
        assertThat(supervisor.counters().resyncCount(StreamCounters.Resync.RECONNECT)).isEqualTo(2);
        long before = supervisor.counters().messageCount();
        first.diff(BTC, 101, 101, 1, 1, 2, 1); // the old connection's events no longer count
        assertThat(supervisor.counters().messageCount()).isEqualTo(before);
    }

    @Test
    void coinsGoDownAfterMaxReconnectsFailuresAndComeBackWhenTheVenueAnswers() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        venue.snapshot(BTC, 100, 30000, 30001);
        for (int i = 0; i < 5; i++) {
            venue.failures.add(new java.net.ConnectException("Connection refused"));
        }
        start(venue, config(10, 2, Duration.ofMinutes(1)), new RecordingListener(), List.of(BTC));

        awaitState(BTC, StreamState.DOWN);
        assertThat(status(BTC).detail()).matches("down after \\d+ failed connects in a row \\(connect failed: "
                + "Connection refused\\); retrying in \\d+ ms");
        assertThat(supervisor.health().up()).isFalse();
        assertThat(supervisor.health().reason()).contains("1 down");

        awaitState(BTC, StreamState.LIVE);
        assertThat(supervisor.health().up()).isTrue();
        assertThat(supervisor.counters().reconnectCount(StreamCounters.Reconnect.CONNECT_FAILED)).isEqualTo(5);
        assertThat(venue.opened).hasSize(1);
    }

    @Test
    void aConnectTheBudgetRefusesIsExplainedAndRetriedLater() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(1, Duration.ofMillis(600));
        venue.snapshot(BTC, 100, 30000, 30001);
        venue.snapshot(ETH, 500, 2000, 2001);
        start(venue, config(1, 3, Duration.ofMinutes(1)), new RecordingListener(), List.of(BTC, ETH));

        Eventually.until(WAIT, () -> status(ETH).detail().startsWith("connect not sent: binance request budget is spent"),
                () -> status(ETH).detail());
        assertThat(status(ETH).detail()).contains("(connections)").contains("; retrying in ");
        assertThat(status(ETH).state()).isEqualTo(StreamState.CONNECTING);

        awaitState(ETH, StreamState.LIVE);
        assertThat(venue.opened).hasSize(2);
        assertThat(supervisor.counters().refusedCount()).isPositive();
        assertThat(supervisor.counters().reconnectCount(StreamCounters.Reconnect.CONNECT_FAILED)).isZero();
    }

    @Test
    void aStaleBookIsRebuiltWhileTheOtherCoinStaysLive() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        venue.snapshot(BTC, 100, 30000, 30001);
        venue.snapshot(ETH, 500, 2000, 2001);
        start(venue, config(10, 3, Duration.ofMillis(300)), new RecordingListener(), List.of(BTC, ETH));
        awaitState(BTC, StreamState.LIVE);
        awaitState(ETH, StreamState.LIVE);
        ScriptedStreamVenue.Connection connection = venue.last();

        long id = 501;
        long until = System.nanoTime() + Duration.ofMillis(900).toNanos();
        while (System.nanoTime() < until) { // ETH keeps updating, BTC is silent
            connection.diff(ETH, id, id, 2000, 1 + id % 3, 2001, 1);
            id++;
            sleep(20);
        }

        assertThat(venue.asked(BTC)).isGreaterThanOrEqualTo(2);
        assertThat(venue.asked(ETH)).isEqualTo(1);
        assertThat(supervisor.counters().staleCount()).isPositive();
        assertThat(supervisor.counters().resyncCount(StreamCounters.Resync.STALE)).isPositive();
        assertThat(status(ETH)).extracting(SymbolStreamStatus::state, SymbolStreamStatus::resyncs)
                .containsExactly(StreamState.LIVE, 0L);
        assertThat(venue.opened).hasSize(1);
    }

    @Test
    void aConnectionOnWhichNoBookMovesIsReopened() {
        ScriptedStreamVenue venue = new ScriptedStreamVenue(100, Duration.ofMinutes(5));
        venue.snapshot(BTC, 100, 30000, 30001);
        venue.snapshot(ETH, 500, 2000, 2001);
        start(venue, config(10, 3, Duration.ofMillis(200)), new RecordingListener(), List.of(BTC, ETH));

        Eventually.until(WAIT, () -> supervisor.counters().reconnectCount(StreamCounters.Reconnect.SILENT) > 0,
                () -> supervisor.statuses().toString());
        Eventually.until(WAIT, () -> venue.opened.size() >= 2, () -> venue.opened.size() + " connections");
        assertThat(venue.opened.get(0).closed).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
