package io.huracan.bootstrap.cli;

import io.huracan.testkit.net.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker command's refusals; its work is shown by DistributedRetrainingTest with real worker processes. */
class WorkerCommandTest {
    @TempDir
    Path temp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aBadTagIsOneLineNamingTheKeyAndTheOption() {
        assertThat(run("worker", "--tags", "cpu,GPU!")).isEqualTo(HuracanCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("engine.retraining.worker.tags: tag 'GPU!' is invalid; allowed: 1-32 of "
                + "a-z, 0-9, '_', '-', starting with a letter or digit (set by --tags)\n");
    }

    @Test
    void aTooShortRetryIntervalIsABadConfig() throws Exception {
        Path config = temp.resolve("bad.yaml");
        Files.writeString(config, "engine:\n  retraining:\n    redisson: {task_retry_interval: 500ms}\n");

        assertThat(run("worker", "--config", config.toString())).isEqualTo(HuracanCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo(
                "engine.retraining.redisson.task_retry_interval: 500ms is invalid; allowed: a duration >= 2s\n");
    }

    @Test
    void anUnreachableRedisIsAFailureInOneLine() throws Exception {
        String uri = "redis://127.0.0.1:" + FreePorts.loopback();
        Path config = temp.resolve("absent.yaml");
        Files.writeString(config, "engine:\n  retraining:\n    redisson: {uri: \"" + uri + "\"}\n");

        assertThat(run("worker", "--config", config.toString())).isEqualTo(HuracanCli.EXIT_FAILURE);
        assertThat(err.toString()).startsWith("huracan worker: retraining redis at " + uri + ": cannot connect: ")
                .endsWith("\n").hasLineCount(1);
    }

    private int run(String... args) {
        var commandLine = HuracanCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
