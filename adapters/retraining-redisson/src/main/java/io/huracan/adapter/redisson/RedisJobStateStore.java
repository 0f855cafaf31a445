package io.huracan.adapter.redisson;

import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import jakarta.inject.Inject;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.client.codec.StringCodec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Job states in Redis, one hash per job ({@link JobFields}) indexed by last change. Besides the port's whole-list
 * {@link #load} and {@link #save}, the distributed executor moves single jobs through their states with scripts, so
 * that each step is atomic with what goes with it: a claim takes the job's key ({@code P:busy}) as it writes the job;
 * a finish releases the key, announces the job on {@code P:done} and trims the oldest finished jobs beyond
 * {@link #KEPT_FINISHED}.
 */
final class RedisJobStateStore implements JobStateStore {
    /** Finished jobs kept for {@code huracan retrain} and the executors' callers to read (a few MB). */
    static final int KEPT_FINISHED = 5_000;

    /** A claim's outcome: this job now holds its key, or another job does, or this id has finished before. */
    sealed interface Claim {
        record Claimed() implements Claim {
        }

        record Busy(String holder) implements Claim {
        }

        record Finished() implements Claim {
        }
    }

    private static final String CLAIM = """
            local holder = redis.call('HGET', KEYS[1], ARGV[1])
            if holder and holder ~= ARGV[4] then return 'busy:' .. holder end
            local state = redis.call('HGET', KEYS[2], 'state')
            if state == 'succeeded' or state == 'failed' then return 'finished' end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[2], unpack(ARGV, 5))
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
            return 'claimed'
            """;
    private static final String START = """
            local state = redis.call('HGET', KEYS[1], 'state')
            if not state then return 'missing' end
            if state == 'succeeded' or state == 'failed' then return state end
            redis.call('HSET', KEYS[1], 'state', 'running', 'worker', ARGV[2], 'updated', ARGV[3])
            redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
            return 'started'
            """;
    private static final String FINISH = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
            redis.call('HDEL', KEYS[1], 'error', 'outcome', 'model', 'sharpe', 'sortino', 'win_rate', 'max_drawdown',
                'trade_count', 'edge_bps', 'training_rows', 'test_rows', 'reason')
            redis.call('HSET', KEYS[1], unpack(ARGV, 6))
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
            if redis.call('HGET', KEYS[4], ARGV[3]) == ARGV[1] then redis.call('HDEL', KEYS[4], ARGV[3]) end
            local excess = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[4])
            if excess > 0 then
                local old = redis.call('ZRANGE', KEYS[3], 0, excess - 1)
                for _, id in ipairs(old) do redis.call('DEL', ARGV[5] .. id) end
                redis.call('ZREM', KEYS[3], unpack(old))
                redis.call('ZREM', KEYS[2], unpack(old))
            end
            redis.call('PUBLISH', KEYS[5], ARGV[1])
            return 'finished'
            """;
    private static final String HAND_BACK = """
            if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 'unchanged' end
            redis.call('HSET', KEYS[1], 'state', 'queued', 'updated', ARGV[2])
            redis.call('HDEL', KEYS[1], 'worker')
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            return 'queued'
            """;
    private static final String SAVE = """
            for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do redis.call('DEL', ARGV[1] .. id) end
            redis.call('DEL', KEYS[1], KEYS[2])
            local i = 2
            while i <= #ARGV do
                local id, score, finished, n = ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3])
                redis.call('HSET', ARGV[1] .. id, unpack(ARGV, i + 4, i + 3 + n))
                redis.call('ZADD', KEYS[1], score, id)
                if finished == '1' then redis.call('ZADD', KEYS[2], score, id) end
                i = i + 4 + n
            end
            return 'saved'
            """;

    private final RedissonConnection redis;
    private final RetrainingKeys keys;
    private final int keptFinished;

    @Inject
    RedisJobStateStore(RedissonConnection redis) {
        this(redis, KEPT_FINISHED);
    }

    RedisJobStateStore(RedissonConnection redis, int keptFinished) {
        this.redis = redis;
        this.keys = redis.keys();
        this.keptFinished = keptFinished;
    }

    @Override
    public List<JobStatus> load() {
        try {
            Collection<String> ids = redis.client().<String>getScoredSortedSet(keys.jobs(), StringCodec.INSTANCE)
                    .valueRange(0, -1);
            return read(ids).values().stream().toList();
        } catch (org.redisson.client.RedisException e) {
            throw redis.unreachable("cannot read job states", e);
        }
    }

    @Override
    public void save(List<JobStatus> states) {
        List<Object> args = new ArrayList<>();
        args.add(keys.job(""));
        for (JobStatus status : states) {
            Map<String, String> fields = JobFields.of(status);
            args.add(status.job().id());
            args.add(Long.toString(status.updated().toEpochMilli()));
            args.add(status.state().finished() ? "1" : "0");
            args.add(Integer.toString(fields.size() * 2));
            fields.forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
        }
        run("cannot save job states", SAVE, List.of(keys.jobs(), keys.finished()), args.toArray());
    }

    /** The job's state, if Redis has it. */
    Optional<JobStatus> find(String jobId) {
        return Optional.ofNullable(read(List.of(jobId)).get(jobId));
    }

    /** The states of {@code ids} Redis still has, in the order given; one round trip. */
    Map<String, JobStatus> read(Collection<String> ids) {
        RBatch batch = redis.client().createBatch();
        List<RFuture<Map<String, String>>> replies = new ArrayList<>();
        for (String id : ids) {
            replies.add(batch.<String, String>getMap(keys.job(id), StringCodec.INSTANCE).readAllMapAsync());
        }
        try {
            batch.execute();
        } catch (org.redisson.client.RedisException e) {
            throw redis.unreachable("cannot read job states", e);
        }
        Map<String, JobStatus> states = new java.util.LinkedHashMap<>();
        for (RFuture<Map<String, String>> reply : replies) {
            Map<String, String> fields = reply.toCompletableFuture().join();
            if (!fields.isEmpty()) {
                JobStatus status = JobFields.status(fields);
                states.put(status.job().id(), status);
            }
        }
        return states;
    }

    /** The {@code state} field of each of {@code ids} (null for a job Redis no longer has); one round trip. */
    Map<String, String> stateWords(Collection<String> ids) {
        RBatch batch = redis.client().createBatch();
        Map<String, RFuture<String>> replies = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            replies.put(id, batch.<String, String>getMap(keys.job(id), StringCodec.INSTANCE).getAsync(JobFields.STATE));
        }
        try {
            batch.execute();
        } catch (org.redisson.client.RedisException e) {
            throw redis.unreachable("cannot read job states", e);
        }
        Map<String, String> states = new java.util.HashMap<>();
        replies.forEach((id, reply) -> states.put(id, reply.toCompletableFuture().join()));
        return states;
    }

    /** Writes {@code job} as queued and gives it its key, unless another job holds the key (other than {@code stale}). */
    Claim claim(RetrainingJob job, Instant now, String stale) {
        List<Object> args = new ArrayList<>(List.of(job.key(), job.id(), Long.toString(now.toEpochMilli()), stale));
        JobFields.of(JobStatus.queued(job, now)).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        String reply = run("cannot queue job " + job.id(), CLAIM, List.of(keys.busy(), keys.job(job.id()), keys.jobs()),
                args.toArray());
        if (reply.startsWith("busy:")) {
            return new Claim.Busy(reply.substring("busy:".length()));
        }
        return reply.equals("finished") ? new Claim.Finished() : new Claim.Claimed();
    }

    /** Marks the job running on {@code worker}; false when it is gone or finished already (a duplicate run). */
    boolean start(String jobId, String worker, Instant now) {
        return run("cannot start job " + jobId, START, List.of(keys.job(jobId), keys.jobs()), jobId, worker,
                now.toString(), Long.toString(now.toEpochMilli())).equals("started");
    }

    /** Records a finished job, frees its key and announces it. */
    void finish(JobStatus status) {
        List<Object> args = new ArrayList<>(List.of(status.job().id(), Long.toString(status.updated().toEpochMilli()),
                status.job().key(), Integer.toString(keptFinished), keys.job("")));
        JobFields.of(status).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        run("cannot record job " + status.job().id(), FINISH, List.of(keys.job(status.job().id()), keys.jobs(),
                keys.finished(), keys.busy(), keys.doneTopic()), args.toArray());
    }

    /** Puts a running job back to queued: its worker stopped before it finished. */
    void handBack(String jobId, Instant now) {
        run("cannot hand back job " + jobId, HAND_BACK, List.of(keys.job(jobId), keys.jobs()), jobId, now.toString(),
                Long.toString(now.toEpochMilli()));
    }

    private String run(String what, String script, List<Object> scriptKeys, Object... args) {
        try {
            return redis.script(script, scriptKeys, args);
        } catch (org.redisson.client.RedisException e) {
            throw redis.unreachable(what, e);
        }
    }
}
