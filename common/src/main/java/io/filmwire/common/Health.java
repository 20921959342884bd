package io.filmwire.common;

import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.http.Access;
import io.filmwire.common.http.HttpJson;
import io.filmwire.common.http.Router;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service says on {@code /health} and {@code /ready}: one entry per component (the Kafka
 * cluster, each Streams app with its state and thread replacements, the intake producer, the feed
 * poller, each folder watcher), each UP or DOWN with a detail. {@code /health} is 200 while every
 * component is alive (its status DEGRADED while one is not ready, so that a Kafka outage does not
 * restart the service); {@code /ready} is 200 only while, in addition, every component is ready
 * (Kafka answered within the last probe, every Streams app RUNNING). The Kafka cluster is probed
 * every {@link #PROBE_INTERVAL} (describe cluster, {@link #PROBE_TIMEOUT}); every change of a
 * component's state, and of readiness, is logged once. Thread-safe.
 */
public final class Health implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    /** How often Kafka is probed and the components looked at. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
    /** How long the probe waits for the cluster's answer. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);

    /**
     * A component's state.
     *
     * @param alive  false when the component has stopped working for good (a dead thread, a failed Streams app)
     * @param ready  true when it does its work now
     * @param detail what is seen, for an operator
     */
    public record Status(boolean alive, boolean ready, String detail) {
        public static Status up(String detail) {
            return new Status(true, true, detail);
        }

        /** Alive, but not doing its work now (Kafka away, rebalancing). */
        public static Status notReady(String detail) {
            return new Status(true, false, detail);
        }

        public static Status down(String detail) {
            return new Status(false, false, detail);
        }

        String word() {
            return ready ? "UP" : alive ? "NOT_READY" : "DOWN";
        }
    }

    private final Map<String, Supplier<Status>> components = new ConcurrentHashMap<>();
    private final Map<String, Status> last = new ConcurrentHashMap<>();
    private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile Boolean lastReady;
    private volatile boolean everReady;

    public Health() {
        // two threads: a probe waiting for an absent cluster does not hold up looking at the rest
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "health");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::look, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds a component. */
    public void add(String name, Supplier<Status> status) {
        components.put(name, status);
    }

    /** Adds the component "kafka": UP while the cluster at {@code kafka} answers the probe. */
    public void addKafka(KafkaSettings kafka) {
        Admin admin = Admin.create(kafka.clientProperties(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "filmwire-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000)));
        owned.add(() -> admin.close(Duration.ofSeconds(2)));
        KafkaProbe probe = new KafkaProbe(admin, kafka.bootstrapServers());
        timer.scheduleWithFixedDelay(probe::run, 0, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        add("kafka", probe::status);
    }

    /** The current state of every component, by name. */
    public Map<String, Status> statuses() {
        Map<String, Status> out = new TreeMap<>();
        components.forEach((name, s) -> out.put(name, evaluate(name, s)));
        return out;
    }

    private static Status evaluate(String name, Supplier<Status> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return Status.down("its check failed: " + e);
        }
    }

    /** True while every component is alive. */
    public boolean alive() {
        return statuses().values().stream().allMatch(Status::alive);
    }

    /** True while every component is ready. */
    public boolean ready() {
        return statuses().values().stream().allMatch(Status::ready);
    }

    /** Adds {@code GET /health} and {@code GET /ready} (open to all) to {@code router}. */
    public void routes(Router router) {
        router.add("GET", "/health", Access.OPEN, (ex, p) -> answer(ex, false));
        router.add("GET", "/ready", Access.OPEN, (ex, p) -> answer(ex, true));
    }

    private void answer(HttpExchange exchange, boolean readiness) throws IOException {
        Map<String, Status> now = statuses();
        boolean ok = now.values().stream().allMatch(readiness ? Status::ready : Status::alive);
        Map<String, Object> parts = new LinkedHashMap<>();
        now.forEach((name, s) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("status", s.word());
            c.put("detail", s.detail());
            parts.put(name, c);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        boolean allReady = now.values().stream().allMatch(Status::ready);
        body.put("status", !ok ? (readiness ? "NOT_READY" : "DOWN") : allReady ? "UP" : "DEGRADED");
        body.put("components", parts);
        HttpJson.send(exchange, ok ? 200 : 503, body);
    }

    /** Logs every component whose state changed since the last look, and a change of readiness. */
    private void look() {
        try {
            Map<String, Status> now = statuses();
            for (Map.Entry<String, Status> e : now.entrySet()) {
                Status before = last.put(e.getKey(), e.getValue());
                Status s = e.getValue();
                if (before == null ? !s.ready() : !before.word().equals(s.word())) {
                    if (s.ready()) {
                        LOG.info("Health: '{}' is UP again ({})", e.getKey(), s.detail());
                    } else if (everReady || !s.alive()) {
                        LOG.warn("Health: '{}' is {}: {}", e.getKey(), s.word(), s.detail());
                    } else {
                        LOG.info("Health: '{}' is {} while starting: {}", e.getKey(), s.word(), s.detail());
                    }
                }
            }
            last.keySet().retainAll(Set.copyOf(now.keySet()));
            boolean ready = now.values().stream().allMatch(Status::ready);
            if (lastReady == null || lastReady != ready) {
                if (ready) {
                    LOG.info(everReady ? "Ready again: every component is UP" : "Ready: every component is UP");
                } else if (everReady) {
                    LOG.warn("Not ready: /ready answers 503 until every component is UP");
                }
            }
            lastReady = ready;
            everReady |= ready;
        } catch (RuntimeException e) {
            LOG.warn("Looking at the components' health failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("Closing a health probe failed: {}", e.toString());
            }
        }
    }

    /** Asks the cluster to describe itself; remembers when it last answered and what went wrong. */
    private static final class KafkaProbe {
        private final Admin admin;
        private final String servers;
        private volatile Status status;

        KafkaProbe(Admin admin, String servers) {
            this.admin = admin;
            this.servers = servers;
            this.status = Status.notReady("not probed yet (" + servers + ")");
        }

        void run() {
            long start = System.nanoTime();
            try {
                int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                        .nodes().get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
                status = Status.up(brokers + " broker" + (brokers == 1 ? "" : "s") + " at " + servers + " answered in "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                status = Status.notReady("Kafka at " + servers + " did not answer within " + PROBE_TIMEOUT.toSeconds()
                        + " s (" + cause.getClass().getSimpleName() + ")");
            }
        }

        Status status() {
            return status;
        }
    }
}
