package io.huracan.adapter.redisson;

import org.redisson.api.RExecutorService;
import org.redisson.api.options.ExecutorOptions;
import org.redisson.codec.SerializationCodec;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Redisson executor service per required tag set ({@link RetrainingKeys#executor}): a job goes to the executor of
 * exactly its tags, and a worker serves the executor of every subset of its own, so a {@code gpu} job reaches only
 * workers tagged {@code gpu}. Tasks are Java-serialised {@link RetrainingTask}s (a job id); the retry interval is the
 * one the submitter writes with each task.
 */
final class TagExecutors {
    private final RedissonConnection redis;
    private final Map<Set<String>, RExecutorService> executors = new ConcurrentHashMap<>();

    TagExecutors(RedissonConnection redis) {
        this.redis = redis;
    }

    RExecutorService of(Set<String> tags) {
        return executors.computeIfAbsent(Set.copyOf(new TreeSet<>(tags)), sorted -> redis.client().getExecutorService(
                ExecutorOptions.name(redis.keys().executor(sorted)).codec(new SerializationCodec())
                        .taskRetryInterval(redis.config().taskRetryInterval())));
    }
}
