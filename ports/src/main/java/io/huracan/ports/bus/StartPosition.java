package io.huracan.ports.bus;

/** Where a new consumer group starts: at the oldest message still kept, or after the newest (only new ones). */
public enum StartPosition {
    EARLIEST,
    LATEST
}
