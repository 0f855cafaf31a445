package io.huracan.ports.retraining;

import java.util.List;

/** The workers of a distributed executor that are alive now (they sent a heartbeat recently). */
@FunctionalInterface
public interface WorkerDirectory {

    List<WorkerStatus> live();
}
