package io.filmwire.standalone;

import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.http.HttpJson;
import io.filmwire.common.http.Router;
import io.filmwire.schema.Topics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * The Prometheus registry of a Filmwire process and its {@code GET /metrics}: JVM, GC, process,
 * uptime and file-descriptor binders; one series per topic (the Kafka consumer also reports each
 * dotted topic a second time with its dots turned into underscores, {@code pages_raw} beside
 * {@code pages.raw}: those twins are dropped); gzip when the client accepts it.
 */
public final class MetricsEndpoint implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public MetricsEndpoint() {
        Set<String> twins = Topics.ALL.stream().map(t -> t.name()).filter(n -> n.contains("."))
                .map(n -> n.replace('.', '_')).collect(Collectors.toUnmodifiableSet());
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                String topic = id.getTag("topic");
                return topic != null && twins.contains(topic) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The registry every part reports to. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Adds {@code GET /metrics}. */
    public void routes(Router router) {
        router.add("GET", "/metrics", (exchange, params) -> send(exchange));
    }

    private void send(HttpExchange exchange) throws IOException {
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        if (acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"))) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 8 + 64);
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            body = zipped.toByteArray();
        }
        HttpJson.sendBytes(exchange, 200, CONTENT_TYPE, body);
    }

    /** True when an {@code Accept-Encoding} value lists gzip without {@code q=0}. */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] bits = part.strip().split(";");
            if (!bits[0].strip().toLowerCase(Locale.ROOT).equals("gzip")) {
                continue;
            }
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (p.startsWith("q=") && p.substring(2).matches("0(\\.0*)?")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
