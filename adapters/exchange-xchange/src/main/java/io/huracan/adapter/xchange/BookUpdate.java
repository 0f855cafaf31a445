package io.huracan.adapter.xchange;

import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;

import java.util.List;

/**
 * One message about a coin's book as a venue sent it: a full snapshot, or a diff whose levels replace ours (quantity
 * 0 removes the level). The ids are the venue's book sequence: Binance's first and last update id of the event
 * ({@code U}, {@code u}; a REST snapshot has its {@code lastUpdateId} in both), Bybit's {@code u}, OKX's
 * {@code seqId} with {@code prevSeqId} as {@code previousId} (-1 where the venue sends none).
 */
record BookUpdate(Coin coin, boolean snapshot, long firstId, long lastId, long previousId, long timestampMicros,
                  List<BookLevel> bids, List<BookLevel> asks) {

    static BookUpdate snapshot(Coin coin, long id, long timestampMicros, List<BookLevel> bids, List<BookLevel> asks) {
        return new BookUpdate(coin, true, id, id, -1, timestampMicros, bids, asks);
    }

    static BookUpdate diff(Coin coin, long firstId, long lastId, long timestampMicros, List<BookLevel> bids,
                           List<BookLevel> asks) {
        return new BookUpdate(coin, false, firstId, lastId, -1, timestampMicros, bids, asks);
    }
}
