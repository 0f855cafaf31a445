package io.huracan.adapter.xchange;

/**
 * Bybit v5's {@code orderbook.<depth>.<symbol>} topic: a snapshot, then deltas whose update id {@code u} the
 * documentation calls "a sequence"; we read that as each delta's {@code u} being the previous one plus 1 (our reading,
 * the one Bybit's own clients rely on). A delta at or below the book's {@code u} was in the snapshot (a delta of the
 * subscription a resync replaced); one further ahead means deltas were missed. Snapshots, and deltas with {@code u} 1
 * (the service restarted), reset the book before they reach this rule.
 */
final class BybitBookSequence implements BookSequence {
    private long position;

    @Override
    public void snapshot(BookUpdate snapshot) {
        position = snapshot.lastId();
    }

    @Override
    public Verdict next(BookUpdate diff) {
        if (diff.lastId() <= position) {
            return Verdict.SKIP;
        }
        if (diff.lastId() != position + 1) {
            return Verdict.GAP;
        }
        position = diff.lastId();
        return Verdict.APPLY;
    }

    @Override
    public long position() {
        return position;
    }
}
