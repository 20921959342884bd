package io.filmwire.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One part of Filmwire ({@code broker}, {@code ingest-service}, ...) in a JVM of its own, started
 * with this JVM's java and classpath; its output is appended to a log file. It can be killed
 * (SIGKILL), frozen (SIGSTOP), thawed (SIGCONT) and started again with the same arguments.
 * Not thread-safe: drive it from one thread.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final Map<String, String> env = new HashMap<>();
    private Process process;

    /**
     * @param name     for messages and the log file's name
     * @param jvmOpts  JVM options (heap size, say)
     * @param args     the {@code filmwire} command line of the part
     * @param logDir   where {@code NAME.log} goes
     */
    ChildProcess(String name, List<String> jvmOpts, List<String> args, Path logDir) {
        this.name = name;
        this.log = logDir.resolve(name + ".log");
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        c.addAll(jvmOpts);
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(FilmwireCli.class.getName());
        c.addAll(args);
        this.command = List.copyOf(c);
    }

    /** Sets an environment variable of the process (from its next start). */
    ChildProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Starts the process (again, after a kill). */
    ChildProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** kill -9, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process stays, frozen, until {@link #thaw}. */
    void freeze() {
        signal("STOP");
    }

    /** SIGCONT. */
    void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " (" + name + ") failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    /** Stops it as Ctrl-C would (SIGTERM), killing it when it does not stop within 30 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        thawQuietly();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void thawQuietly() {
        try {
            signal("CONT");
        } catch (RuntimeException e) {
            // not frozen, or already gone
        }
    }
}
