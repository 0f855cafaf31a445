package io.huracan.bootstrap.retraining;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Job states as one JSON document ({@code jobs.json}, snake_case), replaced atomically: written to a temporary file
 * beside it and moved over it, so a crash leaves the old list or the new one, never half of either.
 */
public final class JsonJobStateStore implements JobStateStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public JsonJobStateStore(Path file) {
        this.file = file;
    }

    @Override
    public List<JobStatus> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(file.toFile(), StoredJob[].class)).stream().map(StoredJob::status).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("retraining job states " + file + " are unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(List<JobStatus> states) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temporary.toFile(), states.stream().map(StoredJob::of).toList());
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save retraining job states to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The document form of a {@link JobStatus}. */
    record StoredJob(String id, String regime, List<String> coins, Instant windowFrom, Instant windowTo,
                     Set<String> requiredTags, String trigger, String state, Instant updated, String error,
                     String outcome, String model, ModelMetrics metrics, Integer trainingRows, Integer testRows,
                     String reason) {

        static StoredJob of(JobStatus status) {
            RetrainingJob job = status.job();
            Optional<RetrainingResult> result = status.result();
            return new StoredJob(job.id(), job.regime().key(), job.coins().stream().map(Coin::symbol).toList(),
                    job.window().from(), job.window().to(), new TreeSet<>(job.requiredTags()), job.trigger().key(),
                    status.state().key(), status.updated(), status.error().isEmpty() ? null : status.error(),
                    result.map(r -> r.outcome().name().toLowerCase(java.util.Locale.ROOT)).orElse(null),
                    result.flatMap(RetrainingResult::model).map(ModelKey::toString).orElse(null),
                    result.flatMap(RetrainingResult::metrics).orElse(null),
                    result.map(RetrainingResult::trainingRows).orElse(null),
                    result.map(RetrainingResult::testRows).orElse(null),
                    result.map(RetrainingResult::reason).orElse(null));
        }

        JobStatus status() {
            var job = new RetrainingJob(id, Regime.valueOf(regime.toUpperCase(java.util.Locale.ROOT)),
                    coins.stream().map(Coin::of).collect(Collectors.toCollection(TreeSet::new)),
                    new TrainingWindow(windowFrom, windowTo), requiredTags == null ? Set.of() : requiredTags,
                    RetrainingTrigger.valueOf(trigger.toUpperCase(java.util.Locale.ROOT)));
            Optional<RetrainingResult> result = outcome == null ? Optional.empty() : Optional.of(new RetrainingResult(id,
                    RetrainingResult.Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)),
                    Optional.ofNullable(model).map(ModelKey::parse), Optional.ofNullable(metrics),
                    trainingRows, testRows, reason));
            return new JobStatus(job, JobState.valueOf(state.toUpperCase(java.util.Locale.ROOT)), result, error, updated);
        }
    }
}
