package io.huracan.ports.storage;

/** What a retention prune deleted. */
public record PruneResult(int partitionsDeleted, int filesDeleted, long bytesFreed) {
}
