package io.huracan.adapter.redis;

import io.huracan.ports.bus.StreamType;

/** The Redis keys of one bus: {@code <prefix>:<stream>} and, beside each stream, its dead letters and their counts. */
record StreamKeys(String prefix) {

    String stream(StreamType stream) {
        return prefix + ":" + stream.key();
    }

    String deadLetters(StreamType stream, String group) {
        return prefix + ":" + stream.key() + ":dead:" + group;
    }

    /** A hash of dead-lettered counts by group name. */
    String deadLetterCounts(StreamType stream) {
        return prefix + ":" + stream.key() + ":dead-lettered";
    }
}
