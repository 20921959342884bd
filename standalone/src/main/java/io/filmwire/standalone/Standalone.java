package io.filmwire.standalone;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Ports;
import io.filmwire.common.Settings;
import io.filmwire.common.http.HttpConfig;
import java.util.Map;

/**
 * One JVM with everything: an embedded Kafka broker and the {@link Services} on it. The broker's
 * logs and the Streams state live in {@code data.dir}, so a restart picks up where it stopped.
 */
public final class Standalone implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final Services services;

    private Standalone(EmbeddedKafkaBroker broker, Services services) {
        this.broker = broker;
        this.services = services;
    }

    /**
     * Starts the broker, then the services on it.
     *
     * @param withHttp false for the demo and tests that need no HTTP server
     */
    public static Standalone start(Settings settings, boolean withHttp) {
        StandaloneConfig config = StandaloneConfig.from(settings);
        if (withHttp) {
            // before the broker starts: a taken HTTP port should not cost a broker start and stop
            HttpConfig http = HttpConfig.from(settings);
            http.requireTokensOffLoopback();
            Ports.requireFree(http.host(), http.port(), HttpConfig.PORT, "--http-port");
            if (http.healthPort() > 0) {
                Ports.requireFree(http.host(), http.healthPort(), HttpConfig.HEALTH_PORT, "--health-port");
            }
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config.dataDir().resolve("kafka"), config.brokerHost(),
                config.brokerPort(), Map.of()).start();
        try {
            Services services = Services.start(settings.with(KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers()),
                    withHttp);
            services.addHealthComponent("embedded-broker", broker::isRunning);
            return new Standalone(broker, services);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** {@code host:port} of the embedded broker. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The embedded broker. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** The services running on the broker. */
    public Services services() {
        return services;
    }

    /** Kafka settings pointing at the embedded broker. */
    public KafkaSettings kafka() {
        return services.kafka();
    }

    /** Stops the services, then the broker. */
    @Override
    public void close() {
        services.close();
        broker.close();
    }
}
