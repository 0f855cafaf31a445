package io.huracan.adapter.xchange;

/**
 * OKX v5's {@code books} channel as its "Sequence ID" section documents it: a snapshot ({@code prevSeqId} -1), then
 * updates whose {@code prevSeqId} equals the {@code seqId} of the message before. That also admits the two documented
 * exceptions: an empty keepalive update repeats the last {@code seqId} as both ids, and after maintenance an update
 * may carry a {@code seqId} below its {@code prevSeqId}. An update not chained to the book is older than it when its
 * {@code seqId} is at or below the book's (it was in the snapshot: an update of the subscription a resync replaced);
 * anything else means updates were missed.
 */
final class OkxBookSequence implements BookSequence {
    private long position;

    @Override
    public void snapshot(BookUpdate snapshot) {
        position = snapshot.lastId();
    }

    @Override
    public Verdict next(BookUpdate diff) {
        if (diff.previousId() == position) {
            position = diff.lastId();
            return Verdict.APPLY;
        }
        return diff.lastId() <= position ? Verdict.SKIP : Verdict.GAP;
    }

    @Override
    public long position() {
        return position;
    }
}
