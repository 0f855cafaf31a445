package io.huracan.adapter.redisson;

import io.huracan.ports.retraining.WorkerDirectory;
import io.huracan.ports.retraining.WorkerStatus;
import jakarta.inject.Inject;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Live workers: each sends a heartbeat every {@link #HEARTBEAT} to its hash {@code P:worker:<id>} (tags, capacity,
 * running job ids, time), which expires after {@link #EXPIRY} without one, and is listed in the set
 * {@code P:workers}; readers drop the ids whose hash expired.
 */
final class RedisWorkerDirectory implements WorkerDirectory {
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final Duration EXPIRY = Duration.ofSeconds(10);

    private final RedissonConnection redis;
    private final RetrainingKeys keys;

    @Inject
    RedisWorkerDirectory(RedissonConnection redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    @Override
    public List<WorkerStatus> live() {
        try {
            Set<String> ids = redis.client().<String>getSet(keys.workers(), StringCodec.INSTANCE).readAll();
            RBatch batch = redis.client().createBatch();
            List<RFuture<Map<String, String>>> replies = new ArrayList<>();
            for (String id : ids) {
                replies.add(batch.<String, String>getMap(keys.worker(id), StringCodec.INSTANCE).readAllMapAsync());
            }
            batch.execute();
            List<WorkerStatus> live = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            int i = 0;
            for (String id : ids) {
                Map<String, String> fields = replies.get(i++).toCompletableFuture().join();
                if (fields.isEmpty()) {
                    gone.add(id);
                } else {
                    live.add(new WorkerStatus(id, JobFields.list(fields.get("tags")), Integer.parseInt(fields.get("capacity")),
                            List.copyOf(JobFields.list(fields.get("running"))), Instant.ofEpochMilli(Long.parseLong(fields.get("seen")))));
                }
            }
            if (!gone.isEmpty()) {
                redis.client().<String>getSet(keys.workers(), StringCodec.INSTANCE).removeAll(gone);
            }
            live.sort(java.util.Comparator.comparing(WorkerStatus::id));
            return live;
        } catch (org.redisson.client.RedisException e) {
            throw redis.unreachable("cannot list workers", e);
        }
    }

    /** Records that {@code worker} is alive now. */
    void beat(WorkerStatus worker) {
        RBatch batch = redis.client().createBatch();
        var hash = batch.<String, String>getMap(keys.worker(worker.id()), StringCodec.INSTANCE);
        hash.putAllAsync(Map.of("tags", String.join(",", new java.util.TreeSet<>(worker.tags())),
                "capacity", Integer.toString(worker.capacity()), "running", String.join(",", worker.running()),
                "seen", Long.toString(worker.seen().toEpochMilli())));
        hash.expireAsync(EXPIRY);
        batch.<String>getSet(keys.workers(), StringCodec.INSTANCE).addAsync(worker.id());
        batch.execute();
    }

    /** Takes {@code workerId} off the list at once (a clean stop does not wait for the expiry). */
    void remove(String workerId) {
        RBatch batch = redis.client().createBatch();
        batch.getMap(keys.worker(workerId), StringCodec.INSTANCE).deleteAsync();
        batch.<String>getSet(keys.workers(), StringCodec.INSTANCE).removeAsync(workerId);
        batch.execute();
    }
}
