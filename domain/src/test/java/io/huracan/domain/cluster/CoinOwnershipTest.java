package io.huracan.domain.cluster;

import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.MarketEpoch;
import io.huracan.ports.market.Coin;
import io.huracan.testkit.cluster.InMemoryClusterMembership;
import io.huracan.testkit.cluster.InMemoryCoinLeases;
import io.huracan.testkit.time.ManualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members of a cluster on in-memory lease and membership stores (held to the Redis adapters' contracts) with a
 * manual clock: joins, kills and hand-overs in any order never let two members trade one coin, and once things
 * settle every coin is held by a live member and nobody holds more than its share.
 */
class CoinOwnershipTest {
    private static final ClusterTimings TIMINGS = ClusterTimings.DEFAULTS;
    private static final List<Coin> UNIVERSE = IntStream.range(0, 23).mapToObj(i -> Coin.of("C" + i)).toList();

    private ManualClock clock;
    private InMemoryCoinLeases leases;
    private InMemoryClusterMembership membership;
    private final Map<String, Member> members = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    private void reset() {
        clock = new ManualClock(1_700_000_000_000_000L);
        leases = new InMemoryCoinLeases(() -> clock.epochMicros() / 1000);
        membership = new InMemoryClusterMembership(() -> clock.epochMicros() / 1000);
        members.clear();
        violations.clear();
    }

    CoinOwnershipTest() {
        reset();
    }

    /** A member's engine as the ownership sees it: the coins it trades, settling a hand-over after some rounds. */
    private final class Member implements CoinHandover {
        final String name;
        final CoinOwnership ownership;
        final Set<Coin> trading = new TreeSet<>();
        final Map<Coin, Integer> closing = new HashMap<>();
        final int roundsToSettle;
        boolean alive = true;

        Member(String name, int roundsToSettle, ClusterMembership via) {
            this.name = name;
            this.roundsToSettle = roundsToSettle;
            this.ownership = new CoinOwnership(name, UNIVERSE, TIMINGS, leases, via, this, clock);
        }

        @Override
        public void start(List<CoinLease> granted) {
            for (CoinLease lease : granted) {
                assertThat(leases.isCurrent(lease)).isTrue();
                for (Member other : members.values()) {
                    if (other != this && other.alive && other.tradingNow().contains(lease.coin())) {
                        violations.add(name + " starts " + lease.coin() + " while " + other.name + " trades it");
                    }
                }
                trading.add(lease.coin());
            }
        }

        /**
         * What the member may act on: the coins it trades while its leases are valid by its own clock. A member
         * that stopped ticking (paused) still lists its coins, but its risk controller fences them past the
         * validity (and the store would refuse them anyway).
         */
        Set<Coin> tradingNow() {
            return clock.monotonicNanos() < ownership.validUntilNanos() ? trading : Set.of();
        }

        @Override
        public void beginRelease(Coin coin) {
            closing.put(coin, roundsToSettle);
        }

        @Override
        public boolean settled(Coin coin) {
            int left = closing.getOrDefault(coin, 0);
            closing.put(coin, left - 1);
            return left <= 0;
        }

        @Override
        public void stop(List<Coin> coins, boolean lost) {
            coins.forEach(trading::remove);
            coins.forEach(closing::remove);
        }
    }

    /** kind 0-5: a live member ticks; 6: a member joins; 7: a member is killed; 8: time passes (2 s). */
    record Event(int kind, int pick, int settleRounds) {
    }

    @Provide
    Arbitrary<Event> events() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 2)).as(Event::new);
    }

    @Property(tries = 150)
    void noCoinIsEverTradedTwiceAndTheClusterConverges(
            @ForAll @Size(min = 1, max = 80) List<@From("events") Event> events,
            @ForAll @IntRange(min = 1, max = 4) int initialMembers) {
        reset();
        for (int m = 0; m < initialMembers; m++) {
            join(0);
        }
        for (Event event : events) {
            List<Member> live = live();
            switch (event.kind()) {
                case 6 -> join(event.settleRounds());
                case 7 -> {
                    if (live.size() > 1) {
                        live.get(event.pick() % live.size()).alive = false; // kill -9: it never ticks again
                    }
                }
                case 8 -> clock.advance(Duration.ofSeconds(2));
                default -> {
                    if (!live.isEmpty()) {
                        live.get(event.pick() % live.size()).ownership.tick();
                    }
                }
            }
            clock.advance(Duration.ofMillis(100));
            assertThat(violations).isEmpty();
            for (Member member : live()) {
                assertThat(member.ownership.owned()).as(member.name + " trades only coins it holds")
                        .containsAll(member.trading);
            }
        }
        // settle: the killed members' leases expire, the live ones rebalance
        clock.advance(TIMINGS.leaseTtl());
        for (int round = 0; round < 12; round++) {
            for (Member member : live()) {
                member.ownership.tick();
            }
            clock.advance(TIMINGS.renewInterval());
            assertThat(violations).isEmpty();
        }
        List<Member> live = live();
        int share = CoinShare.share(UNIVERSE.size(), live.size());
        Set<Coin> all = new HashSet<>();
        for (Member member : live) {
            assertThat(member.trading).as(member.name).hasSizeLessThanOrEqualTo(share);
            assertThat(member.ownership.releasing()).isZero();
            all.addAll(member.trading);
        }
        assertThat(all).as("every coin is traded by a live member").containsExactlyInAnyOrderElementsOf(UNIVERSE);
    }

    @Test
    void aKilledMembersCoinsAreTakenOverWithinTheLeaseTtlAndOneRound() {
        Member a = join(0);
        Member b = join(0);
        Member c = join(0);
        for (int round = 0; round < 6; round++) {
            live().forEach(member -> member.ownership.tick());
            clock.advance(TIMINGS.renewInterval());
        }
        assertThat(List.of(a.trading.size(), b.trading.size(), c.trading.size())).allMatch(n -> n <= 8);
        Set<Coin> orphaned = new TreeSet<>(b.trading);
        assertThat(orphaned).isNotEmpty();
        b.alive = false;
        long killedAt = clock.monotonicNanos();
        long takenAt = 0;
        while (takenAt == 0) {
            live().forEach(member -> member.ownership.tick());
            Set<Coin> held = new TreeSet<>(a.trading);
            held.addAll(c.trading);
            if (held.containsAll(orphaned)) {
                takenAt = clock.monotonicNanos();
            }
            clock.advance(TIMINGS.renewInterval());
        }
        assertThat(Duration.ofNanos(takenAt - killedAt)).isLessThanOrEqualTo(TIMINGS.takeoverBound());
        assertThat(a.ownership.takeovers() + c.ownership.takeovers()).isEqualTo(orphaned.size());
        assertThat(a.trading.size() + c.trading.size()).isEqualTo(UNIVERSE.size());
    }

    @Test
    void aDrainingMemberHandsEveryCoinOverAndTheOthersTakeThemWithoutWaitingForExpiry() {
        Member a = join(1);
        Member b = join(0);
        for (int round = 0; round < 6; round++) {
            live().forEach(member -> member.ownership.tick());
            clock.advance(TIMINGS.renewInterval());
        }
        assertThat(a.trading).isNotEmpty();
        a.ownership.drain();
        for (int round = 0; round < 4 && !a.ownership.owned().isEmpty(); round++) {
            live().forEach(member -> member.ownership.tick());
            clock.advance(TIMINGS.renewInterval());
        }
        assertThat(a.ownership.owned()).as("closed, then released").isEmpty();
        a.ownership.leave();
        b.ownership.tick();
        assertThat(b.trading).hasSize(UNIVERSE.size());
        assertThat(b.ownership.takeovers()).as("handed over, not taken over").isZero();
        assertThat(violations).isEmpty();
    }

    @Test
    void aMemberCutOffFromTheStoreStopsTradingBeforeItsLeasesExpire() {
        var failing = new FailingMembership(membership);
        Member a = new Member("engine-a", 0, failing);
        members.put(a.name, a);
        CoinOwnership cutOff = a.ownership;
        cutOff.tick();
        assertThat(a.trading).hasSize(UNIVERSE.size());
        assertThat(cutOff.health().up()).isTrue();
        failing.down = true;
        long silent = 0;
        while (!a.trading.isEmpty()) {
            clock.advance(TIMINGS.renewInterval());
            silent += TIMINGS.renewInterval().toMillis();
            cutOff.tick();
        }
        assertThat(Duration.ofMillis(silent)).as("dropped while the leases still hold")
                .isLessThan(TIMINGS.leaseTtl());
        assertThat(cutOff.renewFailures()).isEqualTo(UNIVERSE.size());
        assertThat(cutOff.health().reason()).contains("no answer from the lease store");
        failing.down = false;
        clock.advance(TIMINGS.leaseTtl());
        cutOff.tick();
        assertThat(a.trading).as("back once the store is").hasSize(UNIVERSE.size());
    }

    private Member join(int settleRounds) {
        var member = new Member("engine-" + members.size(), settleRounds, membership);
        members.put(member.name, member);
        return member;
    }

    private List<Member> live() {
        return members.values().stream().filter(m -> m.alive).sorted((x, y) -> x.name.compareTo(y.name)).toList();
    }

    /** Membership whose store can be switched off, as a Redis that went away. */
    private static final class FailingMembership implements ClusterMembership {
        private final InMemoryClusterMembership store;
        boolean down;

        FailingMembership(InMemoryClusterMembership store) {
            this.store = store;
        }

        @Override
        public List<String> heartbeat(String member, Duration ttl) {
            if (down) {
                throw new UncheckedIOException(new IOException("redis cluster at redis://gone: connection refused"));
            }
            return store.heartbeat(member, ttl);
        }

        @Override
        public void leave(String member) {
            store.leave(member);
        }

        @Override
        public MarketEpoch agreeMarket(MarketEpoch proposal) {
            return store.agreeMarket(proposal);
        }

        @Override
        public void close() {
        }
    }
}
