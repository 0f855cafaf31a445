package io.huracan.adapter.xchange;

/**
 * One venue's rule for whether a book diff follows what the local book holds: each venue numbers its updates in its
 * own way, and this is the one thing about a venue's book the supervisor cannot know by itself. One instance per coin,
 * called under the coin's lock.
 */
interface BookSequence {
    enum Verdict {
        /** The diff is the next one: apply it. */
        APPLY,
        /** The diff is older than the book (it was in the snapshot already): drop it. */
        SKIP,
        /** Updates are missing between the book and this diff: the book must be rebuilt. */
        GAP
    }

    /** The book was just set to this snapshot. */
    void snapshot(BookUpdate snapshot);

    /** Judges the diff, and when it is {@link Verdict#APPLY} takes it as the book's new position. */
    Verdict next(BookUpdate diff);

    /** The id of the last update the book holds, for the one-line description of a gap. */
    long position();
}
