package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.config.ConfigPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code huracan config validate|show}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check or print the effective configuration.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Show.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Load and check the configuration; exit 0 if the engine could start with it, 2 if not.")
    static final class Validate implements Runnable {
        @Mixin
        ConfigOptions config;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            var loaded = config.load();
            spec.commandLine().getOut().printf("config ok: %d coins (%d active), bus %s, registry %s%n",
                    loaded.universe().coins().size(), loaded.universe().activeCoins(),
                    ConfigPrinter.keyOf(loaded.messageBus().adapter()), ConfigPrinter.keyOf(loaded.registry().adapter()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the effective configuration as YAML, secrets redacted.")
    static final class Show implements Runnable {
        @Mixin
        ConfigOptions config;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            var out = spec.commandLine().getOut();
            out.print(ConfigPrinter.toYaml(config.load()));
            out.flush();
        }
    }
}
