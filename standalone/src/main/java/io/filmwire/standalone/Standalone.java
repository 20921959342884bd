package io.filmwire.standalone;

import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicAdmin;
import io.filmwire.common.http.HttpJson;
import io.filmwire.common.http.HttpService;
import io.filmwire.common.http.Router;
import io.filmwire.enrich.streams.EnrichConfig;
import io.filmwire.enrich.streams.EnrichStreamsApp;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.IntakeHttp;
import io.filmwire.ingest.PageIntake;
import io.filmwire.publish.PublishConfig;
import io.filmwire.publish.PublishService;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM with everything: the embedded Kafka broker, ingest-service, enrich-streams and
 * publish-service, and one HTTP server for intake, the API, metrics and health. Start with
 * {@link #start}; {@link #close} stops the parts in reverse order.
 */
public final class Standalone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Standalone.class);

    private final StandaloneConfig config;
    private final Settings settings;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedKafkaBroker broker;
    private KafkaSettings kafka;
    private EnrichConfig enrichConfig;
    private PublishConfig publishConfig;
    private EnrichStreamsApp enrich;
    private PublishService publish;
    private PageIntake intake;
    private IngestConfig ingestConfig;
    private HttpService http;

    private Standalone(Settings settings) {
        this.settings = settings;
        this.config = StandaloneConfig.from(settings);
    }

    /**
     * Starts everything.
     *
     * @param withHttp false for the demo and tests that need no HTTP server
     */
    public static Standalone start(Settings settings, boolean withHttp) {
        Standalone s = new Standalone(settings);
        try {
            s.startAll(withHttp);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void startAll(boolean withHttp) {
        broker = new EmbeddedKafkaBroker(config.dataDir().resolve("kafka"), config.brokerHost(), config.brokerPort(),
                Map.of()).start();
        started.add(broker);
        Settings effective = settings.with(KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        kafka = KafkaSettings.from(effective);
        TopicAdmin.ensureTopics(kafka, Duration.ofSeconds(30));

        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        enrichConfig = EnrichConfig.from(effective, config.dataDir().resolve("streams"));
        publishConfig = PublishConfig.from(effective, config.dataDir().resolve("streams"));
        ingestConfig = IngestConfig.from(effective);
        enrich = EnrichStreamsApp.start(enrichConfig, registry);
        started.add(enrich);
        publish = PublishService.start(publishConfig, registry);
        started.add(publish);
        intake = new PageIntake(ingestConfig, registry);
        started.add(intake);

        if (withHttp) {
            Router router = new Router();
            new IntakeHttp(intake, ingestConfig).routes(router);
            publish.routes(router);
            router.add("GET", "/health", this::health);
            router.add("GET", "/ready", this::ready);
            router.add("GET", "/metrics", (exchange, params) -> HttpJson.sendBytes(exchange, 200,
                    "text/plain; version=0.0.4; charset=utf-8", registry.scrape().getBytes(StandardCharsets.UTF_8)));
            http = HttpService.start(config.httpHost(), config.httpPort(), router, config.httpThreads());
            started.add(http);
        }
    }

    /** {@code host:port} of the embedded broker. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Kafka settings pointing at the embedded broker. */
    public KafkaSettings kafka() {
        return kafka;
    }

    /** The intake (writes to pages.raw). */
    public PageIntake intake() {
        return intake;
    }

    /** The publish service (its API answers from its store). */
    public PublishService publish() {
        return publish;
    }

    /** The HTTP port, or -1 without HTTP. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** The Prometheus registry all parts report to. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A probe of how far the Streams apps are behind. Close it after use. */
    public PipelineProbe probe() {
        return new PipelineProbe(kafka, enrichConfig, publishConfig);
    }

    /** True when the broker runs and both Streams apps are running or rebalancing. */
    public boolean isHealthy() {
        return broker != null && broker.isRunning() && enrich != null && enrich.isHealthy() && publish != null
                && publish.isHealthy();
    }

    private Map<String, Object> status() {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("broker", broker != null && broker.isRunning() ? "UP" : "DOWN");
        components.put("enrich-streams", enrich == null ? "DOWN" : enrich.state().toString());
        components.put("publish-service", publish != null && publish.isHealthy() ? "UP" : "DOWN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", isHealthy() ? "UP" : "DOWN");
        body.put("components", components);
        return body;
    }

    private void health(HttpExchange exchange, Map<String, String> params) throws IOException {
        HttpJson.send(exchange, isHealthy() ? 200 : 503, status());
    }

    private void ready(HttpExchange exchange, Map<String, String> params) throws IOException {
        boolean ready = isHealthy() && enrich.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING;
        HttpJson.send(exchange, ready ? 200 : 503, status());
    }

    /** Stops HTTP, the intake, the Streams apps, then the broker. Safe to call twice. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
