package io.huracan.adapter.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges several time-ordered sources into one (the part files of a day before compaction). Equal timestamps
 * come out in source order, so the earlier part's rows first.
 */
final class MergingChunkSource implements ChunkSource {
    private static final int INPUT_CHUNK = 1024;

    private final List<ChunkSource> sources;
    private final List<ColumnBatch> heads = new ArrayList<>();
    private final int[] positions;
    private final boolean[] exhausted;

    MergingChunkSource(List<ChunkSource> sources, List<ColumnSpec> columns) {
        this.sources = List.copyOf(sources);
        this.positions = new int[sources.size()];
        this.exhausted = new boolean[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            heads.add(new ColumnBatch(columns, INPUT_CHUNK));
        }
    }

    @Override
    public boolean fill(ColumnBatch batch, int maxRows) {
        int appended = 0;
        while (appended < maxRows) {
            int best = -1;
            for (int i = 0; i < sources.size(); i++) {
                if (ensureHead(i) && (best < 0 || heads.get(i).timestamp(positions[i])
                        < heads.get(best).timestamp(positions[best]))) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            batch.copyRow(heads.get(best), positions[best]++);
            appended++;
        }
        return appended > 0;
    }

    private boolean ensureHead(int i) {
        if (exhausted[i]) {
            return false;
        }
        ColumnBatch head = heads.get(i);
        if (positions[i] < head.size()) {
            return true;
        }
        head.clear();
        positions[i] = 0;
        if (!sources.get(i).fill(head, INPUT_CHUNK)) {
            exhausted[i] = true;
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        sources.forEach(ChunkSource::close);
    }
}
