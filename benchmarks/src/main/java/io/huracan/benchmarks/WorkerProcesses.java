package io.huracan.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code huracan worker} processes for a benchmark: JVMs on this process's class path with one config, their output
 * in a log file each; stopped with SIGTERM (as a user stops one), their CPU time read just before.
 */
final class WorkerProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    WorkerProcesses(int count, Path config, int parallel, Path logs, String namePrefix) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 1; i <= count; i++) {
            processes.add(new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "io.huracan.bootstrap.cli.HuracanCli", "worker", "--config", config.toString(),
                    "--name", namePrefix + i, "--parallel", Integer.toString(parallel))
                    .redirectErrorStream(true).redirectOutput(logs.resolve(namePrefix + i + ".log").toFile()).start());
        }
    }

    /** Fails when a worker has exited already (its log says why). */
    void checkAlive(Path logs) {
        for (int i = 0; i < processes.size(); i++) {
            if (!processes.get(i).isAlive()) {
                throw new IllegalStateException("worker " + (i + 1) + " exited with " + processes.get(i).exitValue()
                        + "; see " + logs);
            }
        }
    }

    /** CPU time the workers used so far. */
    Duration cpu() {
        return processes.stream().map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(process -> process.toHandle().destroy());
        for (Process process : processes) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
