package io.filmwire.standalone;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicAdmin;
import io.filmwire.common.Health;
import io.filmwire.common.http.HttpConfig;
import io.filmwire.common.http.HttpService;
import io.filmwire.common.http.Router;
import io.filmwire.enrich.streams.EnrichConfig;
import io.filmwire.enrich.streams.EnrichStreamsApp;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.IntakeHttp;
import io.filmwire.ingest.PageIntake;
import io.filmwire.ingest.feed.FeedPoller;
import io.filmwire.ingest.fetch.FetchRequests;
import io.filmwire.ingest.fetch.PoliteFetcher;
import io.filmwire.ingest.watch.FolderWatcher;
import io.filmwire.publish.PublishConfig;
import io.filmwire.publish.PublishService;
import io.filmwire.publish.ops.OpsApi;
import io.filmwire.common.metrics.ConsumerLagMeter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filmwire's services against one Kafka cluster, in this JVM: topics created when missing, then
 * the chosen parts (ingest-service, enrich-streams, publish-service) and one HTTP server for their
 * routes plus {@code /health}, {@code /ready} and {@code /metrics}. {@link Standalone} adds an
 * embedded broker; the same wiring runs against any cluster, and each service alone runs the same
 * way. ingest-service includes the watched folders and the feed poller when they are configured.
 * {@link #close} stops the parts in reverse order.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    /** The parts that can run. */
    public enum Part {
        INGEST, ENRICH, PUBLISH, HTTP;

        /** All three services with HTTP. */
        public static final Set<Part> ALL = EnumSet.allOf(Part.class);
    }

    private final StandaloneConfig config;
    private final Settings settings;
    private final Set<Part> parts;
    /** How often the consumer groups' lag is measured for /metrics. */
    static final Duration LAG_INTERVAL = Duration.ofSeconds(15);

    private final MetricsEndpoint metrics = new MetricsEndpoint();
    private final PrometheusMeterRegistry registry = metrics.registry();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Health health = new Health();
    private KafkaSettings kafka;
    private EnrichConfig enrichConfig;
    private PublishConfig publishConfig;
    private EnrichStreamsApp enrich;
    private PublishService publish;
    private PageIntake intake;
    private IngestConfig ingestConfig;
    private final List<FolderWatcher> watchers = new ArrayList<>();
    private FeedPoller feedPoller;
    private HttpConfig httpConfig;
    private Router router;
    private HttpService http;

    private Services(Settings settings, Set<Part> parts) {
        this.settings = settings;
        this.parts = EnumSet.copyOf(parts);
        this.config = StandaloneConfig.from(settings);
    }

    /** Starts every part; {@code withHttp} false leaves out the HTTP server. */
    public static Services start(Settings settings, boolean withHttp) {
        Set<Part> parts = EnumSet.of(Part.INGEST, Part.ENRICH, Part.PUBLISH);
        if (withHttp) {
            parts.add(Part.HTTP);
        }
        return start(settings, parts);
    }

    /** Starts the given parts; configuration errors fail here, naming the key. */
    public static Services start(Settings settings, Set<Part> parts) {
        Services s = new Services(settings, parts);
        try {
            s.startParts();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void startParts() {
        kafka = KafkaSettings.from(settings);
        enrichConfig = EnrichConfig.from(settings, config.dataDir().resolve("streams"));
        publishConfig = PublishConfig.from(settings, config.dataDir().resolve("streams"));
        ingestConfig = IngestConfig.from(settings, config.dataDir().resolve("ingest"));
        httpConfig = HttpConfig.from(settings);
        if (parts.contains(Part.HTTP)) {
            httpConfig.requireTokensOffLoopback();
        }
        started.add(metrics);
        started.add(health);
        // a service started before its broker waits for it (saying so in the log) instead of exiting
        TopicAdmin.awaitTopics(kafka, Duration.ofSeconds(10));
        if (parts.contains(Part.HTTP)) {
            // only a service that answers /health needs the probe (the demo and the benchmark do not)
            health.addKafka(kafka);
        }

        router = new Router(httpConfig.access());
        if (parts.contains(Part.ENRICH)) {
            enrich = EnrichStreamsApp.start(enrichConfig, registry);
            started.add(enrich);
            health.add("enrich-streams", enrich::health);
        }
        if (parts.contains(Part.PUBLISH)) {
            publish = PublishService.start(publishConfig, registry);
            started.add(publish);
            health.add("publish-service", publish::health);
            publish.routes(router);
            if (parts.contains(Part.HTTP)) {
                OpsApi ops = new OpsApi(kafka, publish, registry);
                started.add(ops);
                ops.routes(router);
            }
        }
        if (parts.contains(Part.INGEST)) {
            intake = new PageIntake(ingestConfig, registry);
            started.add(intake);
            health.add("intake-producer", intake::health);
            new IntakeHttp(intake, ingestConfig).routes(router);
            startIntakeSources();
        }
        if (parts.contains(Part.HTTP)) {
            health.routes(router);
            started.add(new ConsumerLagMeter(kafka, registry).start(LAG_INTERVAL));
            metrics.routes(router);
            Router healthRouter = new Router();
            health.routes(healthRouter);
            http = HttpService.start(httpConfig, router, healthRouter);
            started.add(http);
        }
        LOG.info("Started {} against Kafka at {}", parts, kafka.bootstrapServers());
    }

    /** The watched folders and the feed poller, as configured ({@code ingest.watch.dirs}, {@code ingest.feeds}). */
    private void startIntakeSources() {
        for (Path dir : ingestConfig.watch().dirs()) {
            FolderWatcher watcher = new FolderWatcher(dir, ingestConfig, intake, registry).start();
            started.add(watcher);
            watchers.add(watcher);
            health.add("folder-watcher " + watcher.dir(), () -> watcher.isHealthy()
                    ? Health.Status.up("scanning every " + ingestConfig.watch().interval().toMillis() + " ms")
                    : Health.Status.down("its thread stopped"));
        }
        // one fetcher for feeds and replayed fetches: robots.txt and the per-host delay shared
        PoliteFetcher fetcher = new PoliteFetcher(ingestConfig.fetch());
        started.add(fetcher);
        FetchRequests requests = new FetchRequests(ingestConfig, intake, fetcher, registry).start();
        started.add(requests);
        health.add("fetch-requests", () -> requests.isHealthy()
                ? Health.Status.up("taking replayed fetches from " + io.filmwire.schema.Topics.PAGES_FETCH.name())
                : Health.Status.down("its thread stopped"));
        if (!ingestConfig.feeds().urls().isEmpty()) {
            feedPoller = new FeedPoller(ingestConfig, intake, fetcher, registry).start();
            started.add(feedPoller);
            FeedPoller poller = feedPoller;
            health.add("feed-poller", () -> poller.isHealthy()
                    ? Health.Status.up(ingestConfig.feeds().urls().size() + " feed(s), " + poller.pending() + " item(s) pending")
                    : Health.Status.down("its thread stopped"));
        }
    }

    /** The folder watchers (empty when no folder is watched). */
    public List<FolderWatcher> watchers() {
        return List.copyOf(watchers);
    }

    /** The feed poller, or null when no feed is polled. */
    public FeedPoller feedPoller() {
        return feedPoller;
    }

    /** Kafka settings of the cluster. */
    public KafkaSettings kafka() {
        return kafka;
    }

    /** The effective settings the services were started with. */
    public Settings settings() {
        return settings;
    }

    /** The intake (writes to pages.raw), or null when ingest-service is not running here. */
    public PageIntake intake() {
        return intake;
    }

    /** The publish service, or null when it is not running here. */
    public PublishService publish() {
        return publish;
    }

    /** The router of the HTTP server, for parts that add routes. */
    public Router router() {
        return router;
    }

    /** The HTTP port, or -1 without HTTP. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** The port of the health listener, or -1 without one. */
    public int healthPort() {
        return http == null ? -1 : http.healthPort();
    }

    /** The health of the parts running here. */
    public Health health() {
        return health;
    }

    /** The Prometheus registry all parts report to. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A probe of how far the Streams apps are behind. Close it after use. */
    public PipelineProbe probe() {
        return new PipelineProbe(kafka, enrichConfig, publishConfig);
    }

    /** Adds a part to /health (the embedded broker, say); unhealthy when it is down. */
    public void addHealthComponent(String name, BooleanSupplier up) {
        health.add(name, () -> up.getAsBoolean() ? Health.Status.up("running") : Health.Status.down("stopped"));
    }

    /** True when every running part is alive. */
    public boolean isHealthy() {
        return health.alive();
    }

    /** True when every running part is ready (Kafka answers, Streams apps RUNNING). */
    public boolean isReady() {
        return health.ready();
    }

    /** Stops HTTP, the feed poller and folder watchers, the intake, then the Streams apps. Safe to call twice. */
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
