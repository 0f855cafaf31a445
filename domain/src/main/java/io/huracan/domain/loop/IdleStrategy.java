package io.huracan.domain.loop;

/**
 * How a loop waits when a duty cycle found nothing to do (after Agrona's IdleStrategy): {@link #idle} with the work
 * count of the last cycle, which resets the strategy when work was done. A strategy that sleeps does so through the
 * loop's {@link LoopSleeper}, which producers wake the moment they queue work, so sleeping adds no latency to the
 * next event. One instance per thread.
 */
public interface IdleStrategy {

    void idle(int workCount, LoopSleeper sleeper);

    void reset();
}
