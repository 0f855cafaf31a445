package io.huracan.adapter.redisson;

import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingWork;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Work that records the jobs it ran and answers each with a registered version named after the job; it can hold
 * every job at a gate until the test opens it (ignoring interrupts, as a numeric fit does).
 */
final class RecordingWork implements RetrainingWork {
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> finished = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate;

    RecordingWork() {
        this(0);
    }

    RecordingWork(int closedGates) {
        this.gate = new CountDownLatch(closedGates);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public RetrainingResult run(RetrainingJob job) {
        started.add(job.id());
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gate.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                gate.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (job.id().startsWith("fail-")) {
            throw new IllegalStateException("no rows for " + job.key() + "\nsecond line");
        }
        finished.add(job.id());
        return new RetrainingResult(job.id(), RetrainingResult.Outcome.PROMOTED,
                Optional.of(ModelKey.of("lin-" + job.regime().key().replace('_', '-'), 1 + finished.size())),
                Optional.of(new ModelMetrics(0.4, 0.6, 0.55, 0.02, 120, 3.5)), 400, 300, "best 3 by sharpe");
    }
}
