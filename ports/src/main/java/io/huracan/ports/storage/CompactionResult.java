package io.huracan.ports.storage;

/** What a compaction did: partitions rewritten, part files merged away, rows rewritten. */
public record CompactionResult(int partitionsCompacted, int filesMerged, long rowsRewritten) {
}
