package io.huracan.bootstrap.retraining;

import io.huracan.ports.retraining.JobStateStore;
import io.huracan.testkit.retraining.JobStateStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JsonJobStateStoreTest extends JobStateStoreContract {
    @TempDir
    Path dir;

    @Override
    protected JobStateStore store() {
        return new JsonJobStateStore(dir.resolve("var/retraining/jobs.json"));
    }

    @Test
    void theFileIsSnakeCaseJsonAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("var/retraining/jobs.json");

        store().save(variedStates());

        assertThat(Files.readString(file)).contains("\"training_rows\":1600").contains("\"state\":\"succeeded\"");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aMissingFileHoldsNoJobs() {
        assertThat(new JsonJobStateStore(dir.resolve("absent.json")).load()).isEmpty();
    }
}
