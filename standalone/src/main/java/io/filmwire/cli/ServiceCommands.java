package io.filmwire.cli;

import io.filmwire.common.Settings;
import io.filmwire.standalone.EmbeddedKafkaBroker;
import io.filmwire.standalone.Services;
import io.filmwire.standalone.Services.Part;
import io.filmwire.standalone.StandaloneConfig;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands that run one part alone, until Ctrl-C: for a real cluster (docker-compose). */
final class ServiceCommands {

    private ServiceCommands() {
    }

    /** Options of a service run alone. */
    static final class ServiceOptions {
        @Mixin
        ClusterOptions cluster;

        @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (http.port).")
        Integer httpPort;

        @Option(names = "--health-port", paramLabel = "PORT",
                description = "Port of the health listener, /health and /ready only (http.health.port; -1: none).")
        Integer healthPort;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "State directory (data.dir).")
        Path dataDir;

        Settings settings() {
            Map<String, String> fixed = new LinkedHashMap<>();
            if (httpPort != null) {
                fixed.put(StandaloneConfig.HTTP_PORT, httpPort.toString());
            }
            if (healthPort != null) {
                fixed.put(StandaloneConfig.HTTP_HEALTH_PORT, healthPort.toString());
            }
            if (dataDir != null) {
                fixed.put(StandaloneConfig.DATA_DIR, dataDir.toString());
            }
            return cluster.settings(fixed);
        }
    }

    static int runUntilStopped(String name, Settings settings, Set<Part> parts) throws InterruptedException {
        Services services = Services.start(settings, parts);
        return awaitStop(name, services, services.httpPort());
    }

    static int awaitStop(String name, AutoCloseable running, int httpPort) throws InterruptedException {
        CountDownLatch stopped = closeOnShutdown(name, running);
        System.err.println(name + ": running" + (httpPort > 0 ? ", HTTP on port " + httpPort : "") + ". Ctrl-C stops.");
        System.err.flush();
        stopped.await();
        return 0;
    }

    /** Closes {@code running} when the JVM is asked to stop (Ctrl-C, SIGTERM); the latch opens once it is closed. */
    static CountDownLatch closeOnShutdown(String name, AutoCloseable running) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println(name + ": stopping");
            try {
                running.close();
            } catch (Exception e) {
                System.err.println(name + ": stopping failed: " + e);
            }
            stopped.countDown();
        }, name + "-shutdown"));
        return stopped;
    }

    @Command(name = "ingest-service", mixinStandardHelpOptions = true,
            description = "Runs ingest-service alone against a cluster: HTTP POST /pages, /health, /metrics.")
    static final class Ingest implements Callable<Integer> {
        @Mixin
        ServiceOptions options;

        @Override
        public Integer call() throws Exception {
            return runUntilStopped("ingest-service", options.settings(), EnumSet.of(Part.INGEST, Part.HTTP));
        }
    }

    @Command(name = "enrich-streams", mixinStandardHelpOptions = true,
            description = "Runs the enrich-streams Kafka Streams app alone against a cluster (/health, /metrics on HTTP).")
    static final class Enrich implements Callable<Integer> {
        @Mixin
        ServiceOptions options;

        @Override
        public Integer call() throws Exception {
            return runUntilStopped("enrich-streams", options.settings(), EnumSet.of(Part.ENRICH, Part.HTTP));
        }
    }

    @Command(name = "publish-service", mixinStandardHelpOptions = true,
            description = "Runs publish-service alone against a cluster: the film API, /health, /metrics.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        ServiceOptions options;

        @Override
        public Integer call() throws Exception {
            return runUntilStopped("publish-service", options.settings(), EnumSet.of(Part.PUBLISH, Part.HTTP));
        }
    }

    @Command(name = "broker", mixinStandardHelpOptions = true,
            description = "Runs the embedded single-node KRaft Kafka broker alone (for local development).")
    static final class Broker implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (data.dir; default: ./data).")
        Path dataDir;

        @Option(names = "--port", paramLabel = "PORT", description = "Port (broker.port; default: 9092).")
        Integer port;

        @Override
        public Integer call() throws Exception {
            Map<String, String> fixed = new LinkedHashMap<>();
            if (dataDir != null) {
                fixed.put(StandaloneConfig.DATA_DIR, dataDir.toString());
            }
            if (port != null) {
                fixed.put(StandaloneConfig.BROKER_PORT, port.toString());
            }
            StandaloneConfig c = StandaloneConfig.from(config.settings(fixed));
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(c.dataDir().resolve("kafka"), c.brokerHost(),
                    c.brokerPort(), Map.of()).start();
            System.err.println("broker: Kafka on " + broker.bootstrapServers());
            return awaitStop("broker", broker, -1);
        }
    }
}
