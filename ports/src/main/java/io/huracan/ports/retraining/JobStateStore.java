package io.huracan.ports.retraining;

import java.util.List;

/** Where an executor keeps its job states so that they survive a restart (a JSON file, a Redis map). */
public interface JobStateStore {

    /** The states saved last, or none. */
    List<JobStatus> load();

    /** Replaces what is saved with {@code states}, atomically (a reader sees the old list or the new one). */
    void save(List<JobStatus> states);
}
