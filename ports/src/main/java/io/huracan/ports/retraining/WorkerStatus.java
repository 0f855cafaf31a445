package io.huracan.ports.retraining;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A live worker as the cluster last heard from it.
 *
 * @param id       the name it registered under
 * @param tags     what jobs it takes: those whose required tags are all among these
 * @param capacity jobs it runs at once
 * @param running  ids of the jobs it runs now
 * @param seen     its last heartbeat
 */
public record WorkerStatus(String id, Set<String> tags, int capacity, List<String> running, Instant seen) {
    public WorkerStatus {
        Objects.requireNonNull(id, "id");
        tags = Set.copyOf(tags);
        running = List.copyOf(running);
        Objects.requireNonNull(seen, "seen");
    }

    /** True when this worker takes jobs that need {@code required}. */
    public boolean accepts(Set<String> required) {
        return tags.containsAll(required);
    }
}
