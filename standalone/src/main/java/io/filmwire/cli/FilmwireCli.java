package io.filmwire.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code filmwire}: the command line of Filmwire. Output goes to stdout, progress and logs to stderr. */
@Command(name = "filmwire", mixinStandardHelpOptions = true, version = "Filmwire 0.1.0",
        description = "Editorial ingestion pipeline for film pages: pages in, reconciled film records out, on Kafka.",
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                ExtractCommand.class,
                CleanCommand.class,
                IngestCommand.class,
                TailCommand.class,
                DedupCommand.class,
                OverrideCommand.class,
                ConfigCommand.class,
                TokenCommand.class,
                BenchCommand.class,
                CrashCommand.class,
                DlqCommand.class,
                SinkCommand.class,
                ServiceCommands.Broker.class,
                ServiceCommands.Ingest.class,
                ServiceCommands.Enrich.class,
                ServiceCommands.Publish.class,
                CommandLine.HelpCommand.class
        })
public final class FilmwireCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    /** The command line, configured: errors as one line plus usage, exit 2 for bad usage, 1 for failures. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FilmwireCli());
        // everything after 'sink' is the sink's own command line, options included
        cli.getSubcommands().get("sink").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
            if (Boolean.getBoolean("filmwire.debug") || System.getenv("FILMWIRE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cli;
    }

    /** One line saying what went wrong and, where it can, what to do about it. */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "Kafka did not answer in time (" + e.getMessage() + "); is it running, and is --bootstrap-servers"
                    + " (or bootstrap.servers) right? './filmwire run' starts a pipeline with its broker on localhost:9092";
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && (message == null || cause instanceof org.apache.kafka.common.errors.TimeoutException
                || cause instanceof java.nio.file.NoSuchFileException)) {
            return describe(cause);
        }
        return message == null ? e.toString() : message;
    }

    public static void main(String[] args) {
        // logback prints its own status lines to stdout, which is the commands' output: keep them out
        if (System.getProperty("logback.statusListenerClass") == null) {
            System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        }
        boolean longRunning = args.length > 0 && java.util.Set.of("run", "broker", "ingest-service", "enrich-streams",
                "publish-service").contains(args[0]);
        if (longRunning && System.getenv("FILMWIRE_LOG_LEVEL") == null && System.getProperty("FILMWIRE_LOG_LEVEL") == null) {
            System.setProperty("FILMWIRE_LOG_LEVEL", "INFO");
        }
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
