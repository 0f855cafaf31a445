package io.huracan.ports.retraining;

import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;

import java.util.Objects;
import java.util.Optional;

/**
 * What a finished job produced.
 *
 * @param jobId        the job
 * @param outcome      registered and promoted, registered but refused, or nothing registered
 * @param model        the registered version, when one was
 * @param metrics      its walk-forward out-of-sample metrics, when a model was evaluated
 * @param trainingRows rows the final model was fitted on
 * @param testRows     out-of-sample rows the walk-forward evaluation predicted
 * @param reason       the promotion policy's reason, or why nothing was registered
 */
public record RetrainingResult(String jobId, Outcome outcome, Optional<ModelKey> model, Optional<ModelMetrics> metrics,
                               int trainingRows, int testRows, String reason) {

    public enum Outcome {
        PROMOTED,
        REGISTERED,
        SKIPPED
    }

    public RetrainingResult {
        Objects.requireNonNull(jobId, "job_id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metrics, "metrics");
        if ((outcome == Outcome.SKIPPED) != model.isEmpty()) {
            throw new IllegalArgumentException("job " + jobId + " outcome " + outcome + " and model " + model
                    + " disagree; a model is registered unless the job was skipped");
        }
        reason = reason == null ? "" : reason;
    }

    public static RetrainingResult skipped(String jobId, int rows, String reason) {
        return new RetrainingResult(jobId, Outcome.SKIPPED, Optional.empty(), Optional.empty(), rows, 0, reason);
    }
}
