package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.QueryOrder;
import io.huracan.ports.storage.QueryStats;
import io.huracan.ports.storage.RowCursor;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The rows of a query. {@link QueryOrder#BY_COIN}: coins one after another, the next {@code window} coins
 * decoding ahead in parallel. {@link QueryOrder#MERGED_BY_TIME}: every coin decoding ahead, merged through a heap
 * on (timestamp, coin).
 */
final class ParquetRowCursor<T> implements RowCursor<T> {

    /** One coin's stream: its prefetcher and the chunk being consumed. */
    static final class Lane {
        final Coin coin;
        final Prefetcher prefetcher;
        ColumnBatch batch;
        int position;

        Lane(Coin coin, Prefetcher prefetcher) {
            this.coin = coin;
            this.prefetcher = prefetcher;
        }

        long timestamp() {
            return batch.timestamp(position);
        }

        /** Moves to the next row, fetching the next chunk when needed; false when the lane is used up. */
        boolean advance() {
            if (batch != null && ++position < batch.size()) {
                return true;
            }
            if (batch != null) {
                prefetcher.recycle(batch);
            }
            batch = prefetcher.take();
            position = 0;
            return batch != null;
        }
    }

    private final RowCodec<T> codec;
    private final List<Lane> lanes;
    private final QueryOrder order;
    private final int window;
    private final QueryCounters counters;
    private final PriorityQueue<Lane> heap;
    private int laneIndex;
    private Lane current;
    private boolean positioned;
    private boolean closed;

    ParquetRowCursor(RowCodec<T> codec, List<Lane> lanes, QueryOrder order, int window, QueryCounters counters) {
        this.codec = codec;
        this.lanes = lanes;
        this.order = order;
        this.window = window;
        this.counters = counters;
        this.heap = new PriorityQueue<>(Math.max(1, lanes.size()), (a, b) -> {
            int byTime = Long.compare(a.timestamp(), b.timestamp());
            return byTime != 0 ? byTime : a.coin.compareTo(b.coin);
        });
        if (order == QueryOrder.MERGED_BY_TIME) {
            lanes.forEach(lane -> lane.prefetcher.start());
        } else {
            lanes.stream().limit(window).forEach(lane -> lane.prefetcher.start());
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (!positioned) {
            positioned = true;
            current = order == QueryOrder.MERGED_BY_TIME ? nextMerged() : nextByCoin();
        }
        return current != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the query has no more rows");
        }
        positioned = false;
        counters.rowsReturned.incrementAndGet();
        return codec.get(current.coin, current.batch, current.position);
    }

    private Lane nextByCoin() {
        while (laneIndex < lanes.size()) {
            Lane lane = lanes.get(laneIndex);
            if (lane.advance()) {
                return lane;
            }
            laneIndex++;
            if (laneIndex + window - 1 < lanes.size()) {
                lanes.get(laneIndex + window - 1).prefetcher.start();
            }
        }
        return null;
    }

    private Lane nextMerged() {
        if (current == null && heap.isEmpty() && laneIndex == 0) {
            laneIndex = lanes.size();
            for (Lane lane : lanes) {
                if (lane.advance()) {
                    heap.add(lane);
                }
            }
        } else if (current != null && current.advance()) {
            heap.add(current);
        }
        return heap.poll();
    }

    @Override
    public QueryStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lanes.forEach(lane -> lane.prefetcher.cancel());
        }
    }
}
