package io.filmwire.cli;

import io.filmwire.common.Settings;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.standalone.Standalone;
import io.filmwire.standalone.StandaloneConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code filmwire run}: the long-running standalone. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the embedded broker and all services, with HTTP, until Ctrl-C.",
                "HTTP serves intake (POST /pages), the API, metrics and the ops page. Data is kept in the",
                "data directory, which a restart reuses. --watch and --feed add intake sources to those",
                "configured (ingest.watch.dirs, ingest.feeds)."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (data.dir; default: ./data).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (http.port; default: 8080).")
    Integer httpPort;

    @Option(names = "--health-port", paramLabel = "PORT",
            description = "Port of the health listener, /health and /ready only (http.health.port; default: 8081; -1: none).")
    Integer healthPort;

    @Option(names = "--broker-port", paramLabel = "PORT", description = "Embedded broker port (broker.port; default: 9092).")
    Integer brokerPort;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Watch this folder for page files; done ones move to DIR/processed, failed ones to DIR/failed"
                    + " (repeatable; adds to ingest.watch.dirs).")
    List<Path> watch = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL",
            description = "Poll this RSS 2.0, Atom, sitemap or sitemap index URL for new pages (repeatable; adds to"
                    + " ingest.feeds; every ingest.feed.interval.ms).")
    List<String> feeds = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Settings settings = settings();
        Standalone standalone = Standalone.start(settings, true);
        CountDownLatch stopped = ServiceCommands.closeOnShutdown("filmwire", standalone);
        System.err.printf("filmwire: running. HTTP on http://127.0.0.1:%d/ (POST /pages, /api/films, /metrics; health"
                + " also on port %d), Kafka on %s. Ctrl-C stops.%n", standalone.services().httpPort(),
                standalone.services().healthPort(), standalone.bootstrapServers());
        IngestConfig intake = IngestConfig.from(settings);
        intake.watch().dirs().forEach(dir -> System.err.printf("filmwire: watching '%s' for page files%n", dir.toAbsolutePath()));
        intake.feeds().urls().forEach(feed -> System.err.printf("filmwire: polling feed %s every %d ms%n", feed,
                intake.feeds().interval().toMillis()));
        stopped.await();
        return 0;
    }

    /** The settings of the run: file, environment and --set, then this command's options (--watch and --feed add). */
    Settings settings() {
        Map<String, String> fixed = new LinkedHashMap<>();
        if (dataDir != null) {
            fixed.put(StandaloneConfig.DATA_DIR, dataDir.toString());
        }
        if (httpPort != null) {
            fixed.put(StandaloneConfig.HTTP_PORT, httpPort.toString());
        }
        if (brokerPort != null) {
            fixed.put(StandaloneConfig.BROKER_PORT, brokerPort.toString());
        }
        if (healthPort != null) {
            fixed.put(StandaloneConfig.HTTP_HEALTH_PORT, healthPort.toString());
        }
        Settings settings = config.settings(fixed);
        settings = withAdded(settings, IngestConfig.WATCH_DIRS, watch.stream().map(Path::toString).toList());
        return withAdded(settings, IngestConfig.FEEDS, feeds);
    }

    /** {@code settings} with {@code values} appended to the list setting {@code key}. */
    private static Settings withAdded(Settings settings, String key, List<String> values) {
        if (values.isEmpty()) {
            return settings;
        }
        List<String> all = new ArrayList<>();
        String existing = settings.get(key, "");
        if (!existing.isBlank()) {
            all.add(existing);
        }
        for (String value : values) {
            if (value.contains(",")) {
                throw new IllegalArgumentException("'" + value + "' contains a comma, which separates the entries of "
                        + key + "; rename it or give it without a comma");
            }
            all.add(value);
        }
        return settings.with(key, String.join(",", all));
    }
}
