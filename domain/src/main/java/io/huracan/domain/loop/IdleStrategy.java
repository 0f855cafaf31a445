package io.huracan.domain.loop;

/**
 * How a loop waits when a duty cycle found nothing to do (after Agrona's IdleStrategy): {@link #idle(int)} with
 * the work count of the last cycle, which resets the strategy when work was done. One instance per thread.
 */
public interface IdleStrategy {

    void idle(int workCount);

    void reset();
}
