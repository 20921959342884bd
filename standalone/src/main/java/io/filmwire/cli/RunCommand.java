package io.filmwire.cli;

import io.filmwire.standalone.Standalone;
import io.filmwire.standalone.StandaloneConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
                "data directory, which a restart reuses."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (data.dir; default: ./data).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (http.port; default: 8080).")
    Integer httpPort;

    @Option(names = "--broker-port", paramLabel = "PORT", description = "Embedded broker port (broker.port; default: 9092).")
    Integer brokerPort;

    @Override
    public Integer call() throws Exception {
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
        Standalone standalone = Standalone.start(config.settings(fixed), true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("filmwire: stopping");
            standalone.close();
            stopped.countDown();
        }, "filmwire-shutdown"));
        System.err.printf("filmwire: running. HTTP on http://127.0.0.1:%d/ (POST /pages, /api/films, /metrics),"
                + " Kafka on %s. Ctrl-C stops.%n", standalone.services().httpPort(), standalone.bootstrapServers());
        stopped.await();
        return 0;
    }
}
