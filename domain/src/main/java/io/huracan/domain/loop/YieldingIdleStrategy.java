package io.huracan.domain.loop;

/** Yields the core when idle: low latency while sharing cores with other busy threads. */
public final class YieldingIdleStrategy implements IdleStrategy {
    @Override
    public void idle(int workCount, LoopSleeper sleeper) {
        if (workCount == 0) {
            Thread.yield();
        }
    }

    @Override
    public void reset() {
    }
}
