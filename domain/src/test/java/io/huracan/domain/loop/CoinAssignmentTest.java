package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CoinAssignmentTest {

    private static List<Coin> coins(int count) {
        return IntStream.range(0, count).mapToObj(i -> Coin.of("C" + i)).toList();
    }

    @Test
    void fourHundredCoinsAtFiftyPerLoopAreEightLoopsOfFifty() {
        assertThat(CoinAssignment.loopsFor(400, 50)).isEqualTo(8);
        assertThat(CoinAssignment.loopsFor(401, 50)).isEqualTo(9);
        assertThat(CoinAssignment.loopsFor(0, 50)).isEqualTo(1);
        Map<Coin, Integer> assignment = CoinAssignment.assign(coins(400), 8);
        int[] load = new int[8];
        assignment.values().forEach(loop -> load[loop]++);
        assertThat(load).containsOnly(50);
    }

    @Property(tries = 200)
    void balancedAndDeterministicWhateverTheOrder(@ForAll @IntRange(min = 0, max = 500) int count,
                                                  @ForAll @IntRange(min = 1, max = 16) int loops,
                                                  @ForAll long shuffleSeed) {
        List<Coin> coins = coins(count);
        var shuffled = new ArrayList<>(coins);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        Map<Coin, Integer> assignment = CoinAssignment.assign(coins, loops);
        assertThat(CoinAssignment.assign(shuffled, loops)).isEqualTo(assignment);
        assertThat(assignment.keySet()).containsExactlyInAnyOrderElementsOf(coins);
        int[] load = new int[loops];
        assignment.values().forEach(loop -> load[loop]++);
        int min = IntStream.of(load).min().orElse(0);
        int max = IntStream.of(load).max().orElse(0);
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Test
    void replacingOneCoinMovesFewOthers() {
        List<Coin> before = coins(400);
        var after = new ArrayList<>(before);
        after.remove(Coin.of("C17"));
        after.add(Coin.of("NEW"));
        Map<Coin, Integer> first = CoinAssignment.assign(before, 8);
        Map<Coin, Integer> second = CoinAssignment.assign(after, 8);
        long moved = after.stream().filter(first::containsKey).filter(c -> !first.get(c).equals(second.get(c))).count();
        assertThat(moved).isLessThan(40); // a sorted round-robin would move about half of them
    }
}
