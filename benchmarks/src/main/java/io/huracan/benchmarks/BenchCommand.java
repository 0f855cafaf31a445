package io.huracan.benchmarks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code huracan bench NAME}: whole-path load harnesses. Each prints a human summary and, with {@code --json},
 * one JSON object on its last line (see {@link BenchReport}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput and latency of an engine path; --json prints one JSON object last.",
        subcommands = {RiskBench.class, CostBench.class, PipelineBench.class, BusBench.class, StorageBench.class,
                RegistryBench.class, RetrainBench.class, ExchangeBench.class, ClusterBench.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
