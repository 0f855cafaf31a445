package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which loop owns which coin. Balanced (loop sizes differ by at most one) and deterministic (the same coins on the
 * same number of loops always give the same answer, whatever order they come in). Each coin prefers loops by a
 * fixed hash of its symbol and the loop index (rendezvous hashing) and takes the most preferred loop that still has
 * room, so a small change of the active set moves few coins.
 */
public final class CoinAssignment {
    private CoinAssignment() {
    }

    /** Loops needed for {@code coins} at {@code coinsPerLoop} each; at least one. */
    public static int loopsFor(int coins, int coinsPerLoop) {
        return Math.max(1, (coins + coinsPerLoop - 1) / coinsPerLoop);
    }

    /** Loop index (0 to loops - 1) of each coin, in symbol order. */
    public static Map<Coin, Integer> assign(Collection<Coin> coins, int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("loop count " + loops + " is invalid; allowed: >= 1");
        }
        var sorted = new TreeSet<>(coins);
        int base = sorted.size() / loops;
        int roomForOneMore = sorted.size() % loops;
        int[] load = new int[loops];
        var result = new LinkedHashMap<Coin, Integer>();
        for (Coin coin : sorted) {
            int best = -1;
            long bestWeight = 0;
            for (int loop = 0; loop < loops; loop++) {
                boolean hasRoom = load[loop] < base || (load[loop] == base && roomForOneMore > 0);
                long weight = weight(coin, loop);
                if (hasRoom && (best < 0 || Long.compareUnsigned(weight, bestWeight) > 0)) {
                    best = loop;
                    bestWeight = weight;
                }
            }
            if (load[best] == base) {
                roomForOneMore--;
            }
            load[best]++;
            result.put(coin, best);
        }
        return result;
    }

    /** MurmurHash3's 64-bit finaliser over the symbol's (specified, hence stable) String hash and the loop. */
    private static long weight(Coin coin, int loop) {
        long h = coin.symbol().hashCode() * 0x9E3779B97F4A7C15L + loop * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
