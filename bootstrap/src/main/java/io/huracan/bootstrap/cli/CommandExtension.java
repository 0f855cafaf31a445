package io.huracan.bootstrap.cli;

/**
 * A top-level {@code huracan} subcommand contributed by a module bootstrap cannot depend on (the benchmarks
 * behind {@code huracan bench}). Found through {@link java.util.ServiceLoader}; the returned object is a
 * picocli {@code @Command}.
 */
public interface CommandExtension {
    Object command();
}
