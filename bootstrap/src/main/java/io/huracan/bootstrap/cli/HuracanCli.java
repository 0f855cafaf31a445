package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The {@code huracan} command. Exit codes: 0 success, 2 bad usage or bad config, 1 failure at run time.
 */
@Command(
        name = "huracan",
        mixinStandardHelpOptions = true,
        versionProvider = HuracanCli.Version.class,
        description = "Huracan Engine: a crypto trading-engine core.",
        subcommands = {RunCommand.class, ConfigCommand.class, RegistryCommand.class, StorageCommand.class, RetrainCommand.class,
                WorkerCommand.class,
                CommandLine.HelpCommand.class})
public final class HuracanCli implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting (for tests and embedding). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        var commandLine = new CommandLine(new HuracanCli());
        ServiceLoader.load(CommandExtension.class).forEach(extension -> commandLine.addSubcommand(extension.command()));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigException) {
                cmd.getErr().println(exception.getMessage());
                return EXIT_USAGE;
            }
            cmd.getErr().println("huracan: " + exception);
            exception.printStackTrace(cmd.getErr());
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    /** What an I/O failure says, without the class name {@code new UncheckedIOException(cause)} puts first. */
    static String message(java.io.UncheckedIOException e) {
        return e.getCause() != null && e.getMessage().equals(e.getCause().toString()) ? e.getCause().getMessage()
                : e.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var properties = new Properties();
            try (InputStream in = HuracanCli.class.getResourceAsStream("/io/huracan/bootstrap/version.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"huracan " + properties.getProperty("version"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
