package io.filmwire.sink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for a test, from the Debian package's binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}, or {@code $FILMWIRE_PG_BIN}): a new cluster in a temporary
 * folder, password authentication, listening on 127.0.0.1 on a free port, no Unix socket, stopped by
 * {@link #close}. initdb refuses to run as root, so as root the server runs as the {@code postgres}
 * user the package creates (or {@code nobody}), through {@code setpriv}. Where it cannot be had the test
 * is skipped, saying why.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "filmwire";
    static final String PASSWORD = "sink-test-" + Long.toHexString(System.nanoTime());

    private final Path bin;
    private final Path data;
    private final List<String> asUser;
    private final int port;

    private LocalPostgres(Path bin, Path data, List<String> asUser, int port) {
        this.bin = bin;
        this.data = data;
        this.asUser = asUser;
        this.port = port;
    }

    /** A running server with a cluster in {@code dir}; the test is skipped when there is none to be had. */
    static LocalPostgres start(Path dir) throws IOException, InterruptedException {
        Path bin = binaries().orElse(null);
        Assumptions.assumeTrue(bin != null, "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
                + " (Debian package postgresql; .ci/run installs it) nor in $FILMWIRE_PG_BIN");
        List<String> asUser = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = systemUser();
            Assumptions.assumeTrue(user != null && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                    "running as root, and neither setpriv nor a 'postgres' or 'nobody' user to run PostgreSQL as (initdb refuses root)");
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(dir, owner);
            asUser = List.of("/usr/bin/setpriv", "--reuid=" + user, "--regid=" + group(user), "--clear-groups", "--");
        }
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (!asUser.isEmpty()) {
            Files.setOwner(pwfile, Files.getOwner(dir));
        }
        Path data = dir.resolve("data");
        LocalPostgres pg = new LocalPostgres(bin, data, asUser, freePort());
        pg.run("initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8",
                "--no-sync", "--locale=C");
        pg.run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + pg.port + " -k '' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off",
                "start");
        return pg;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            Assumptions.abort("PostgreSQL could not be started here (" + tool + " failed): " + output.strip());
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with initdb and pg_ctl. */
    private static Optional<Path> binaries() throws IOException {
        String given = System.getenv("FILMWIRE_PG_BIN");
        if (given != null) {
            return Optional.of(Path.of(given)).filter(LocalPostgres::hasTools);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(LocalPostgres::hasTools)
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion));
        }
    }

    private static boolean hasTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code postgres} (made by the Debian package), else {@code nobody}; null when neither exists. */
    private static String systemUser() throws IOException {
        List<String> passwd = Files.readAllLines(Path.of("/etc/passwd"));
        for (String user : List.of("postgres", "nobody")) {
            if (passwd.stream().anyMatch(line -> line.startsWith(user + ":"))) {
                return user;
            }
        }
        return null;
    }

    /** The primary group id of {@code user}, from /etc/passwd. */
    private static String group(String user) throws IOException {
        return Files.readAllLines(Path.of("/etc/passwd")).stream().filter(line -> line.startsWith(user + ":"))
                .map(line -> line.split(":")[3]).findFirst().orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
