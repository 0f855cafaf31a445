package io.huracan.domain.loop;

import java.util.concurrent.CountDownLatch;

/**
 * A change of ownership a loop carries out on its own thread: adopting a coin, or releasing one once every event
 * queued for it before the pause has been consumed.
 */
final class Handover {
    final CoinSlot slot;
    final boolean adopt;
    /** For a release: the market lane's position after which no event of this coin can be queued. */
    final long afterPosition;
    /** For a release: the same position in the control lane. */
    final long afterControlPosition;
    /** For a release: the loop taking the coin over, or null when the coin leaves the active set. */
    final EventLoop target;
    final CountDownLatch done;

    private Handover(CoinSlot slot, boolean adopt, long afterPosition, long afterControlPosition, EventLoop target,
                     CountDownLatch done) {
        this.slot = slot;
        this.adopt = adopt;
        this.afterPosition = afterPosition;
        this.afterControlPosition = afterControlPosition;
        this.target = target;
        this.done = done;
    }

    static Handover adopt(CoinSlot slot, CountDownLatch done) {
        return new Handover(slot, true, 0, 0, null, done);
    }

    /** Releases {@code slot} from {@code owner} once it has consumed what is queued now. */
    static Handover release(CoinSlot slot, EventLoop owner, EventLoop target, CountDownLatch done) {
        return new Handover(slot, false, owner.ring.producerPosition(), owner.control.producerPosition(), target, done);
    }
}
