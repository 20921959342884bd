package io.filmwire.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in this JVM, in KRaft mode (broker and controller in one): a real
 * broker with real sockets and log segments, built from the Kafka jars on Maven Central. Its log
 * directory is formatted on first start and reused afterwards, so a restart keeps the topics.
 * Not thread-safe: start and stop from one thread.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path dataDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> extra;
    private KafkaRaftServer server;

    /**
     * @param dataDir holds the log directory ({@code kafka-logs}) and the broker's properties
     * @param host    the address to listen on and advertise (loopback for local use)
     * @param port    the client port; 0 picks a free one
     * @param extra   further broker properties, overriding the defaults
     */
    public EmbeddedKafkaBroker(Path dataDir, String host, int port, Map<String, String> extra) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port == 0 ? freePort(host) : port;
        this.controllerPort = freePort(host);
        this.extra = Map.copyOf(extra);
    }

    /** A broker on loopback with default settings. */
    public EmbeddedKafkaBroker(Path dataDir, int port) {
        this(dataDir, "127.0.0.1", port, Map.of());
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** The client port. */
    public int port() {
        return port;
    }

    /** Formats the log directory when new, then starts the broker; returns once it serves requests. */
    public EmbeddedKafkaBroker start() {
        if (server != null) {
            throw new IllegalStateException("broker already started");
        }
        long t0 = System.nanoTime();
        io.filmwire.common.Ports.requireFree(host, port, StandaloneConfig.BROKER_PORT, "--broker-port");
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("kafka-logs");
            Path propsFile = dataDir.resolve("broker.properties");
            Properties props = properties(logDir);
            try (Writer w = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
                props.store(w, "written by Filmwire's embedded broker at each start");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(propsFile);
            }
            KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            raft.startup();
            server = raft;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker's data directory '" + dataDir + "'", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the embedded Kafka broker did not start on " + bootstrapServers()
                    + " (is the port taken, or is '" + dataDir + "' used by another broker?): " + e.getMessage(), e);
        }
        LOG.info("Embedded Kafka broker listening on {} (data in '{}'), started in {} ms", bootstrapServers(), dataDir,
                (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    private Properties properties(Path logDir) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // one node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the cleaner takes 128 MiB of heap at start by default
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("message.max.bytes", String.valueOf(32 * 1024 * 1024));
        p.put("replica.fetch.max.bytes", String.valueOf(32 * 1024 * 1024));
        p.put("socket.request.max.bytes", String.valueOf(64 * 1024 * 1024));
        p.putAll(extra);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    private static void format(Path propsFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", propsFile.toAbsolutePath().toString(), "--ignore-formatted"}, print);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker's log directory failed: "
                    + out.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Stops the broker and waits for it; its data stays on disk. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        LOG.info("Embedded Kafka broker on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** True between {@link #start()} and {@link #close()}. */
    public boolean isRunning() {
        return server != null;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
