package io.huracan.adapter.xchange;

/**
 * Binance spot's diff depth stream as "How to manage a local order book correctly" documents it: after a snapshot
 * with {@code lastUpdateId}, drop every event with {@code u <= lastUpdateId}; the first event applied must have
 * {@code U <= lastUpdateId + 1 <= u}; each later one must start where the previous one ended ({@code U == u + 1}).
 * Anything else means events were missed.
 */
final class BinanceBookSequence implements BookSequence {
    private long position;
    private boolean first;

    @Override
    public void snapshot(BookUpdate snapshot) {
        position = snapshot.lastId();
        first = true;
    }

    @Override
    public Verdict next(BookUpdate diff) {
        if (diff.lastId() <= position) {
            return Verdict.SKIP;
        }
        boolean follows = first ? diff.firstId() <= position + 1 : diff.firstId() == position + 1;
        if (!follows) {
            return Verdict.GAP;
        }
        position = diff.lastId();
        first = false;
        return Verdict.APPLY;
    }

    @Override
    public long position() {
        return position;
    }
}
