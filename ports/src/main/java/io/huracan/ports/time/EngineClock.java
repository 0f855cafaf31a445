package io.huracan.ports.time;

/**
 * The engine's only source of time. Live runs use the system clock; tests and replays use a manual or replay
 * clock, so the domain never reads the system time itself.
 */
public interface EngineClock {

    /** Wall-clock time in microseconds since the epoch, UTC. */
    long epochMicros();

    /** A monotonic reading in nanoseconds for measuring durations; its origin is arbitrary. */
    long monotonicNanos();
}
