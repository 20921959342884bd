package io.filmwire.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code filmwire sink ...}: runs the sink's own command line ({@code filmwire-sink.jar}) in a child JVM
 * with its own classpath, so Kafka Connect, Debezium and Hibernate never load into the services'.
 * Every argument goes to it unchanged ({@code sink postgres --help} prints its options); its exit
 * status is this command's. Ctrl-C stops the child cleanly first.
 */
@Command(name = "sink",
        description = {"Film records into PostgreSQL through Kafka Connect: sink postgres --jdbc-url URL [--user NAME]",
                "[--password-file FILE] [--bootstrap-servers HOST:PORT]. Runs filmwire-sink.jar in a JVM of its own;",
                "'sink postgres --help' lists every option."})
final class SinkCommand implements Callable<Integer> {

    /** Where the sink's jar is, when not beside filmwire.jar or in the source tree. */
    static final String JAR_ENV = "FILMWIRE_SINK_JAR";

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "Passed to the sink: postgres --jdbc-url ...")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = sinkJar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sink-child-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook runs anyway, and the child is gone
        }
        return code;
    }

    /** The sink's jar: {@code $FILMWIRE_SINK_JAR}, beside filmwire.jar, or {@code sink/target/} of the source tree. */
    static Path sinkJar() throws URISyntaxException {
        String given = System.getenv(JAR_ENV);
        if (given != null && !given.isBlank()) {
            return requireFile(Path.of(given));
        }
        Path here = Path.of(SinkCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        List<Path> candidates = new ArrayList<>();
        candidates.add(here.resolveSibling("filmwire-sink.jar"));
        // standalone/target/filmwire.jar in a source tree: its root is three folders up
        Path root = here.getParent() == null || here.getParent().getParent() == null ? null : here.getParent().getParent().getParent();
        if (root != null) {
            candidates.add(root.resolve("sink").resolve("target").resolve("filmwire-sink.jar"));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "the sink is not built (looked for " + candidates + "): './filmwire sink ...' builds it on first use,"
                        + " or run 'mvn -B -DskipTests -pl sink -am package'; " + JAR_ENV + " names a jar elsewhere"));
    }

    private static Path requireFile(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(JAR_ENV + " names '" + jar + "', which is not a file");
        }
        return jar;
    }
}
