package io.filmwire.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How a Kafka Streams app of Filmwire recovers when an instance dies: static group membership
 * with a stable instance id per state directory, the session timeout, standby replicas and the
 * exactly-once transaction timeout. A restarted instance (same state directory) rejoins its group
 * as the same static member, gets its tasks back without a rebalance and, having the same
 * transactional id, fences the dead instance's open transaction at once; an instance that never
 * comes back loses its tasks after the session timeout, and its open transaction is aborted after
 * the transaction timeout. Immutable.
 *
 * @param instanceId            {@code ""} (derive one from the state directory), {@code none} (dynamic
 *                              membership) or an explicit group instance id
 * @param sessionTimeoutMs      the group's session timeout: how long a dead member keeps its tasks
 * @param standbyReplicas       warm copies of each task's state on other instances
 * @param transactionTimeoutMs  how long an open transaction of a dead producer blocks read_committed readers
 */
public record StreamsRecovery(String instanceId, int sessionTimeoutMs, int standbyReplicas, int transactionTimeoutMs) {

    /** The {@code instance.id} value that turns static membership off. */
    public static final String NONE = "none";
    /** The file, in the state directory, that keeps a derived instance id. */
    static final String ID_FILE_SUFFIX = ".instance-id";
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public static final String INSTANCE_ID = "instance.id";
    public static final String SESSION_TIMEOUT_MS = "session.timeout.ms";
    public static final String STANDBY_REPLICAS = "standby.replicas";
    public static final String TRANSACTION_TIMEOUT_MS = "transaction.timeout.ms";

    /** Defines the recovery keys under {@code prefix} ({@code enrich.}, {@code publish.}) of app {@code app}. */
    public static ConfigDef define(ConfigDef def, String prefix, String app) {
        return def
                .define(prefix + INSTANCE_ID, Type.STRING, "", Importance.MEDIUM,
                        "Static group membership id of this " + app + " instance (group.instance.id, a suffix per"
                                + " thread added): empty derives one from the state directory and keeps it there, so a"
                                + " restarted instance gets its tasks back at once; `none` turns static membership off.")
                .define(prefix + SESSION_TIMEOUT_MS, Type.INT, 10_000, Range.between(6_000, 300_000), Importance.LOW,
                        "Session timeout of " + app + "'s consumer group (ms): how long the tasks of an instance that"
                                + " died and did not come back wait before another instance takes them (the broker's"
                                + " group.min.session.timeout.ms, 6000 by default, is the floor).")
                .define(prefix + STANDBY_REPLICAS, Type.INT, 0, Range.between(0, 5), Importance.LOW,
                        "Standby replicas of " + app + "'s state stores: with several instances, each task's"
                                + " state is kept warm on this many others, so a takeover need not restore it.")
                .define(prefix + TRANSACTION_TIMEOUT_MS, Type.INT, 10_000, Range.between(2_000, 900_000), Importance.LOW,
                        "Transaction timeout of " + app + "'s exactly-once producers (ms): how long an open"
                                + " transaction of an instance that died without coming back holds up read_committed"
                                + " readers of its output (a restarted instance aborts it at once).");
    }

    /** Parsed from {@code settings} with the keys {@link #define} made under {@code prefix}. */
    public static StreamsRecovery from(AbstractConfig config, String prefix) {
        String id = config.getString(prefix + INSTANCE_ID).strip();
        if (!id.isEmpty() && !id.equals(NONE) && !VALID_ID.matcher(id).matches()) {
            throw new ConfigException(prefix + INSTANCE_ID, id,
                    "letters, digits, '.', '_' and '-' only (at most 200), or empty to derive one, or 'none'");
        }
        return new StreamsRecovery(id, config.getInt(prefix + SESSION_TIMEOUT_MS), config.getInt(prefix + STANDBY_REPLICAS),
                config.getInt(prefix + TRANSACTION_TIMEOUT_MS));
    }

    /** The defaults. */
    public static StreamsRecovery defaults() {
        return new StreamsRecovery("", 10_000, 0, 10_000);
    }

    /**
     * Puts the recovery properties into {@code props} (Kafka Streams properties of app
     * {@code applicationId} with state under {@code stateDir}); a derived instance id is read from,
     * or first written to, {@code <stateDir>/<applicationId>.instance-id}.
     */
    public void apply(Map<String, Object> props, Path stateDir, String applicationId) {
        String id = resolveInstanceId(stateDir, applicationId);
        if (id != null) {
            // Streams adds "-<thread index>" for each stream thread's consumer
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id);
        }
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeoutMs);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                Math.min(3_000, sessionTimeoutMs / 4));
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), transactionTimeoutMs);
    }

    /** The group instance id to use, or null for dynamic membership. */
    public String resolveInstanceId(Path stateDir, String applicationId) {
        if (instanceId.equals(NONE)) {
            return null;
        }
        if (!instanceId.isEmpty()) {
            return instanceId;
        }
        Path file = stateDir.resolve(applicationId + ID_FILE_SUFFIX);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (VALID_ID.matcher(kept).matches()) {
                    return kept;
                }
            }
            Files.createDirectories(stateDir);
            String made = applicationId + "-" + host() + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
            Path tmp = Files.createTempFile(stateDir, applicationId, ".tmp");
            Files.writeString(tmp, made + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id of '" + applicationId + "' in '" + file
                    + "' (set its instance.id, or 'none')", e);
        }
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "");
            int dot = name.indexOf('.');
            name = dot > 0 ? name.substring(0, dot) : name;
            return name.isEmpty() ? "host" : name.substring(0, Math.min(40, name.length()));
        } catch (IOException e) {
            return "host";
        }
    }
}
