package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code --config} option every command that reads the configuration shares. */
public final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "A YAML file layered over the bundled defaults; repeat it, later files win. "
                    + "HURACAN_ENGINE__SECTION__KEY environment variables apply last.")
    List<Path> files = new ArrayList<>();

    public EngineConfig load() {
        return ConfigLoader.fromSystemEnvironment().load(files);
    }
}
