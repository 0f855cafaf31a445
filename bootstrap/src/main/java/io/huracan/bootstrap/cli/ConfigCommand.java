package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.config.ConfigPrinter;
import io.huracan.bootstrap.wiring.AdapterSelection;
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
            // the live venues' secrets resolve and their settings hold together, as at the start
            AdapterSelection.exchanges(loaded, System.getenv());
            var live = AdapterSelection.liveVenues(loaded.exchanges(), loaded.universe().quoteCurrency(), System.getenv());
            String exchanges = live.isEmpty() ? "paper" : String.join(", ", live.stream()
                    .map(v -> v.exchange().key() + " " + ConfigPrinter.keyOf(v.market())).toList());
            spec.commandLine().getOut().printf("config ok: %d coins (%d active), bus %s, registry %s, exchanges %s%n",
                    loaded.universe().coins().size(), loaded.universe().activeCoins(),
                    ConfigPrinter.keyOf(loaded.messageBus().adapter()), ConfigPrinter.keyOf(loaded.registry().adapter()),
                    exchanges);
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
