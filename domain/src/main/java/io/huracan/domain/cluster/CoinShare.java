package io.huracan.domain.cluster;

import io.huracan.ports.market.Coin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The rebalancing policy: each member's fair share of the universe is {@code ceil(coins / members)}; a member above
 * it gives up the coins it prefers least, a member below it takes free coins in its order of preference. Preference
 * is rendezvous hashing of (coin, member), so every member ranks coins differently and two under-share members
 * rarely race for the same coin, and the same coins and members always give the same ranking.
 *
 * <p>Why it converges: total room {@code members x share >= coins}, so while a coin is free some member is below its
 * share and takes it; members above their share only shrink. It ends with every coin held and nobody above share.
 */
public final class CoinShare {
    private CoinShare() {
    }

    /** What one member should do this round. */
    public record Plan(int share, List<Coin> release, List<Coin> candidates, int wanted) {
    }

    public static int share(int coins, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("member count " + members + " is invalid; allowed: >= 1");
        }
        return (coins + members - 1) / members;
    }

    /**
     * @param held      coins this member holds, including those it is already giving up
     * @param releasing coins it is giving up (they count towards its share until released)
     */
    public static Plan plan(Collection<Coin> universe, int members, String self, Set<Coin> held,
                            Set<Coin> releasing) {
        int share = share(universe.size(), members);
        int surplus = held.size() - releasing.size() - share;
        List<Coin> release = new ArrayList<>();
        if (surplus > 0) {
            held.stream().filter(coin -> !releasing.contains(coin))
                    .sorted(preference(self).reversed())
                    .limit(surplus)
                    .forEach(release::add);
        }
        int wanted = Math.max(0, share - held.size());
        List<Coin> candidates = wanted == 0 ? List.of()
                : universe.stream().filter(coin -> !held.contains(coin)).sorted(preference(self)).toList();
        return new Plan(share, release, candidates, wanted);
    }

    /** Most preferred first. */
    static Comparator<Coin> preference(String member) {
        long memberHash = member.hashCode() * 0xC2B2AE3D27D4EB4FL;
        return Comparator.comparingLong((Coin coin) -> weight(coin, memberHash)).reversed()
                .thenComparing(Comparator.naturalOrder());
    }

    /** Stafford's variant 13 of the 64-bit finaliser over the symbol's (specified, stable) String hash and the member. */
    private static long weight(Coin coin, long memberHash) {
        long z = coin.symbol().hashCode() * 0x9E3779B97F4A7C15L ^ memberHash;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
