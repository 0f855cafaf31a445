package io.huracan.adapter.xchange;

import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBookTest {
    private static final Coin BTC = Coin.of("BTC");

    /** Whatever levels are set and removed, in whatever order, the top is that of a sorted map holding the same. */
    @Property(tries = 300)
    void theTopIsAlwaysTheBestOfTheLevelsHeld(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 2999) Integer> ops) {
        LocalBook book = new LocalBook();
        TreeMap<Double, Double> bids = new TreeMap<>(Comparator.reverseOrder());
        TreeMap<Double, Double> asks = new TreeMap<>();
        for (int op : ops) {
            boolean bid = op % 2 == 0;
            double price = bid ? 100 - (op / 2 % 40) : 101 + (op / 2 % 40); // never crossing
            double quantity = op % 3 == 0 ? 0 : 1 + op % 7;
            BookLevel level = new BookLevel(price, quantity);
            book.apply(BookUpdate.diff(BTC, 1, 1, 0, bid ? List.of(level) : List.of(), bid ? List.of() : List.of(level)));
            TreeMap<Double, Double> side = bid ? bids : asks;
            if (quantity == 0) {
                side.remove(price);
            } else {
                side.put(price, quantity);
            }
            assertThat(book.hasTop()).isEqualTo(!bids.isEmpty() && !asks.isEmpty());
            assertThat(book.levels()).isEqualTo(bids.size() + asks.size());
            if (book.hasTop()) {
                assertThat(book.bidPrice()).isEqualTo(bids.firstKey());
                assertThat(book.bidQuantity()).isEqualTo(bids.firstEntry().getValue());
                assertThat(book.askPrice()).isEqualTo(asks.firstKey());
                assertThat(book.askQuantity()).isEqualTo(asks.firstEntry().getValue());
                assertThat(book.crossed()).isFalse();
            }
        }
    }

    @Test
    void theWorstLevelsGoWhenASideGrowsPastItsBoundAndTheTopStays() {
        LocalBook book = new LocalBook();
        book.apply(BookUpdate.diff(BTC, 1, 1, 0, List.of(), List.of(new BookLevel(1_000_000, 1))));
        for (int i = 0; i < 2 * BookSide.MAX_LEVELS; i++) { // each bid worse than the last
            book.apply(BookUpdate.diff(BTC, 1, 1, 0, List.of(new BookLevel(50_000 - i, 1 + i)), List.of()));
        }
        assertThat(book.levels()).isEqualTo(BookSide.MAX_LEVELS + 1); // the bids trimmed, the one ask kept
        assertThat(book.bidPrice()).isEqualTo(50_000);
        assertThat(book.bidQuantity()).isEqualTo(1);

        book.apply(BookUpdate.diff(BTC, 1, 1, 0, List.of(new BookLevel(50_000 - (BookSide.MAX_LEVELS - 1), 0)), List.of()));
        assertThat(book.levels()).isEqualTo(BookSide.MAX_LEVELS); // the worst level kept is still there to remove
        book.apply(BookUpdate.diff(BTC, 1, 1, 0, List.of(new BookLevel(50_000 - BookSide.MAX_LEVELS, 0)), List.of()));
        assertThat(book.levels()).isEqualTo(BookSide.MAX_LEVELS); // one that was dropped is not
    }
}
