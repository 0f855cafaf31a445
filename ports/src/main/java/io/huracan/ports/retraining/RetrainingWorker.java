package io.huracan.ports.retraining;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * This process's share of a distributed executor: once started it takes the queued jobs whose required tags it has
 * (a job needing {@code gpu} reaches only workers tagged {@code gpu}) and runs each with the process's
 * {@link RetrainingWork}, a bounded number at a time. A job whose worker dies is run again by another worker.
 */
public interface RetrainingWorker {

    /** The name this worker registers under, e.g. {@code host-4242}. */
    String id();

    Set<String> tags();

    /** Registers with the cluster and starts taking jobs; {@code listener} hears what it runs. */
    void start(Listener listener);

    /**
     * Stops taking jobs, waits up to {@code grace} for the running ones to finish, then hands back those still
     * running (another worker runs them again) and deregisters. Returns the ids of the jobs handed back.
     */
    List<String> stop(Duration grace);

    /** The jobs running here now. */
    List<RetrainingJob> running();

    /** What a worker tells as it works; called on its job threads, keep it short. */
    interface Listener {
        Listener NONE = new Listener() {
        };

        default void started(RetrainingJob job) {
        }

        /** A job this worker finished: succeeded or failed. */
        default void finished(JobStatus status) {
        }

        /** A job stopped at shutdown before it finished; it is queued again for another worker. */
        default void handedBack(RetrainingJob job) {
        }
    }
}
