package io.huracan.domain.loop;

/** Never yields the core: the lowest latency, for a loop pinned to a core of its own. */
public final class BusySpinIdleStrategy implements IdleStrategy {
    @Override
    public void idle(int workCount, LoopSleeper sleeper) {
        if (workCount == 0) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void reset() {
    }
}
