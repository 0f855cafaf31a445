package io.huracan.benchmarks;

import io.huracan.bootstrap.cli.CommandExtension;

/** Contributes {@code huracan bench} to the launcher. */
public final class BenchExtension implements CommandExtension {
    @Override
    public Object command() {
        return new BenchCommand();
    }
}
