package io.huracan.adapter.redisson;

import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.testkit.retraining.JobStateStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedisJobStateStoreTest extends JobStateStoreContract {
    private final RetrainingCluster cluster = new RetrainingCluster();
    private final List<RedissonConnection> connections = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        connections.forEach(RedissonConnection::close);
        cluster.close();
    }

    @Override
    protected JobStateStore store() {
        return store(RedisJobStateStore.KEPT_FINISHED);
    }

    private RedisJobStateStore store(int keptFinished) {
        var connection = new RedissonConnection(cluster.config);
        connections.add(connection);
        return new RedisJobStateStore(connection, keptFinished);
    }

    @Test
    void finishingTrimsTheOldestFinishedJobsBeyondTheBound() {
        RedisJobStateStore store = store(2);
        List<JobStatus> states = variedStates();
        for (JobStatus status : states) {
            store.claim(status.job(), status.updated(), "");
        }

        for (JobStatus status : states) {
            if (status.state().finished()) {
                store.finish(status);
            }
        }

        // three finished (ids 1, 2 and 6), two kept; the unfinished ones stay
        assertThat(store.load()).extracting(s -> s.job().id())
                .containsExactlyInAnyOrder("manual-2", "manual-3", "manual-4", "manual-6");
        assertThat(cluster.jobHash("schedule-ranging-btc-1")).isEmpty();
    }
}
