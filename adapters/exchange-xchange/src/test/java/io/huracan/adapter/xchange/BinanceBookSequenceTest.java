package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.huracan.adapter.xchange.BookSequence.Verdict.APPLY;
import static io.huracan.adapter.xchange.BookSequence.Verdict.GAP;
import static io.huracan.adapter.xchange.BookSequence.Verdict.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule of Binance's "How to manage a local order book correctly", step by step. */
class BinanceBookSequenceTest {
    private static final Coin BNB = Coin.of("BNB");

    private static BookUpdate diff(long first, long last) {
        return BookUpdate.diff(BNB, first, last, 0, List.of(), List.of());
    }

    private static BinanceBookSequence after(long lastUpdateId) {
        BinanceBookSequence sequence = new BinanceBookSequence();
        sequence.snapshot(BookUpdate.snapshot(BNB, lastUpdateId, 0, List.of(), List.of()));
        return sequence;
    }

    @Test
    void eventsAtOrBeforeTheSnapshotAreDroppedAndTheFirstMustStraddleIt() {
        BinanceBookSequence sequence = after(160);
        assertThat(sequence.next(diff(150, 157))).isEqualTo(SKIP);
        assertThat(sequence.next(diff(158, 160))).isEqualTo(SKIP); // u <= lastUpdateId
        assertThat(sequence.next(diff(157, 163))).isEqualTo(APPLY); // U <= 161 <= u
        assertThat(sequence.position()).isEqualTo(163);
        assertThat(sequence.next(diff(164, 164))).isEqualTo(APPLY); // U == previous u + 1
        assertThat(sequence.next(diff(166, 170))).isEqualTo(GAP);  // 165 is missing
    }

    @Test
    void aFirstEventAfterTheSnapshotIsAGap() {
        assertThat(after(160).next(diff(162, 170))).isEqualTo(GAP);
        assertThat(after(160).next(diff(161, 161))).isEqualTo(APPLY);
    }

    @Test
    void anOverlappingEventAfterTheFirstIsAGap() {
        BinanceBookSequence sequence = after(160);
        assertThat(sequence.next(diff(161, 165))).isEqualTo(APPLY);
        assertThat(sequence.next(diff(164, 168))).isEqualTo(GAP); // documented: U == previous u + 1
    }
}
