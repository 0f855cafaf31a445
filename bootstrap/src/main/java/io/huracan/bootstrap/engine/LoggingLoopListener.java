package io.huracan.bootstrap.engine;

import io.huracan.domain.loop.EventLoopListener;
import io.huracan.domain.loop.LoopHealth;
import io.huracan.ports.market.Coin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports loop restarts, stalls and deaths in the log (rare events; per-event activity is counted, not logged). */
final class LoggingLoopListener implements EventLoopListener {
    private static final Logger log = LoggerFactory.getLogger("io.huracan.loops");

    @Override
    public void loopRestarted(int loop, Coin coin, int restarts, RuntimeException cause) {
        log.warn("loop {} restarted (restart {}) after an error on {}: {}", loop, restarts, coin, cause.toString());
    }

    @Override
    public void loopStalled(LoopHealth health) {
        log.warn("loop {} stalled: heartbeat {} ms old, {} events queued", health.loop(),
                health.heartbeatAgeNanos() / 1_000_000, health.queueDepth());
    }

    @Override
    public void loopRecovered(LoopHealth health) {
        log.info("loop {} recovered", health.loop());
    }

    @Override
    public void loopDied(int loop, Throwable cause) {
        log.error("loop {} died: {}", loop, cause.toString());
    }
}
