package io.huracan.bootstrap.cli;

import com.google.inject.Guice;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.PromotionResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code huracan registry list|show|promote|deactivate}, over the store {@code engine.registry.adapter} selects.
 * Exit codes: 0 done, 1 a promotion refused by the policy or the store failing, 2 bad usage (including a model
 * that does not exist or a status change the lifecycle forbids).
 */
@Command(name = "registry", mixinStandardHelpOptions = true, description = "Inspect and manage model versions.",
        subcommands = {RegistryCommand.ListModels.class, RegistryCommand.Show.class, RegistryCommand.Promote.class,
                RegistryCommand.Deactivate.class})
final class RegistryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every registry subcommand shares: the config, --json, the store and the error handling. */
    abstract static class RegistryAction implements Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            EngineConfig engine = config.load();
            ModelStore store = Guice.createInjector(AdapterSelection.registry(engine.registry(), System.getenv()))
                    .getInstance(ModelStore.class);
            try {
                return run(engine, store, new ModelOutput(spec.commandLine().getOut(), json));
            } catch (ModelStoreException e) {
                spec.commandLine().getErr().println("huracan registry: " + e.getMessage());
                return switch (e.kind()) {
                    case UNKNOWN_MODEL, ILLEGAL_TRANSITION -> HuracanCli.EXIT_USAGE;
                    case CORRUPT_DOCUMENT, INVALID_DECISION, STORAGE_FAILURE -> HuracanCli.EXIT_FAILURE;
                };
            }
        }

        abstract int run(EngineConfig engine, ModelStore store, ModelOutput output);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List model versions, filtered by regime or status.")
    static final class ListModels extends RegistryAction {
        @Option(names = "--regime", paramLabel = "R", converter = RegimeConverter.class,
                description = "Only this regime: trending_up, trending_down, ranging, high_volatility.")
        Regime regime;
        @Option(names = "--status", paramLabel = "S", converter = StatusConverter.class,
                description = "Only this status: candidate, active, inactive, retired.")
        ModelStatus status;

        @Override
        int run(EngineConfig engine, ModelStore store, ModelOutput output) {
            ModelQuery query = ModelQuery.ALL;
            query = regime == null ? query : query.withRegime(regime);
            query = status == null ? query : query.withStatus(status);
            output.list(store.find(query));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one version with its metrics and audit trail (the latest without :VERSION).")
    static final class Show extends RegistryAction {
        @Parameters(paramLabel = "NAME[:VERSION]")
        String model;

        @Override
        int run(EngineConfig engine, ModelStore store, ModelOutput output) {
            if (model.contains(":")) {
                output.show(store.get(ModelKeyConverter.parse(spec, model)));
            } else {
                try {
                    ModelKey.checkName(model);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                output.show(store.latest(model));
            }
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Promote a version under engine.registry.promotion; exit 1 if the policy refuses it.")
    static final class Promote extends RegistryAction {
        @Parameters(paramLabel = "NAME:VERSION", converter = ModelKeyConverter.class)
        ModelKey model;

        @Override
        int run(EngineConfig engine, ModelStore store, ModelOutput output) {
            var registry = new ModelRegistry(store, engine.registry().promotion(), new SystemEngineClock());
            PromotionResult result = registry.promote(model);
            output.promotion(result);
            return result instanceof PromotionResult.Promoted ? 0 : HuracanCli.EXIT_FAILURE;
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Take a version out of service (inactive), recording why.")
    static final class Deactivate extends RegistryAction {
        @Parameters(paramLabel = "NAME:VERSION", converter = ModelKeyConverter.class)
        ModelKey model;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the audit trail.")
        String reason;

        @Override
        int run(EngineConfig engine, ModelStore store, ModelOutput output) {
            if (reason.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reason is empty; say why, for the audit trail");
            }
            var registry = new ModelRegistry(store, engine.registry().promotion(), new SystemEngineClock());
            output.changed(registry.deactivate(model, reason));
            return 0;
        }
    }

    static final class ModelKeyConverter implements CommandLine.ITypeConverter<ModelKey> {
        @Override
        public ModelKey convert(String value) {
            try {
                return ModelKey.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }

        static ModelKey parse(CommandSpec spec, String value) {
            try {
                return ModelKey.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    static final class RegimeConverter implements CommandLine.ITypeConverter<Regime> {
        @Override
        public Regime convert(String value) {
            return byKey(Regime.class, value, Regime::key);
        }
    }

    static final class StatusConverter implements CommandLine.ITypeConverter<ModelStatus> {
        @Override
        public ModelStatus convert(String value) {
            return byKey(ModelStatus.class, value, ModelStatus::key);
        }
    }

    private static <E extends Enum<E>> E byKey(Class<E> type, String value, java.util.function.Function<E, String> key) {
        for (E constant : type.getEnumConstants()) {
            if (key.apply(constant).equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not allowed; allowed: "
                + Arrays.stream(type.getEnumConstants()).map(key).collect(Collectors.joining(", ")));
    }
}
