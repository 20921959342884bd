package io.filmwire.common;

import io.filmwire.schema.Topic;
import io.filmwire.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics of {@link Topics} that are missing; existing topics are left as they are. */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /**
     * {@link #ensureTopics}, waiting for Kafka as long as it takes: while the cluster cannot be
     * reached, logs what it waits for and tries again, after 1 s, then twice as long each time, up
     * to 10 s. A service started before its broker so starts when the broker does.
     *
     * @param attempt how long one attempt may take
     * @return the names of the topics created
     * @throws IllegalStateException when the thread is interrupted while waiting, or a topic cannot be created
     */
    public static List<String> awaitTopics(KafkaSettings kafka, Duration attempt) {
        long delay = 1_000;
        for (int n = 1; ; n++) {
            try {
                List<String> created = ensureTopics(kafka, attempt);
                if (n > 1) {
                    LOG.info("Kafka at '{}' answered after {} attempts", kafka.bootstrapServers(), n);
                }
                return created;
            } catch (KafkaUnreachableException e) {
                LOG.warn("Waiting for Kafka at '{}' to check and create the topics {} (attempt {}: {}); next try in {} s",
                        kafka.bootstrapServers(), Topics.ALL.stream().map(Topic::name).toList(), n,
                        e.getCause() == null ? e.getMessage() : e.getCause().toString(), delay / 1000.0);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka at '" + kafka.bootstrapServers() + "'", ie);
                }
                delay = Math.min(delay * 2, 10_000);
            }
        }
    }

    /** Kafka did not answer the admin client in time. */
    public static final class KafkaUnreachableException extends IllegalStateException {
        KafkaUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Creates every missing Filmwire topic: compacted ones with {@code cleanup.policy=compact}.
     *
     * @return the names of the topics created
     */
    public static List<String> ensureTopics(KafkaSettings kafka, Duration timeout) {
        Map<String, Object> props = kafka.clientProperties(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<String, ?> topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    NewTopic newTopic = new NewTopic(topic.name(), kafka.partitions(), kafka.replicationFactor());
                    if (topic.compacted()) {
                        newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(newTopic);
                }
            }
            if (missing.isEmpty()) {
                return List.of();
            }
            List<String> created = new ArrayList<>();
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic '" + name + "': " + e.getCause().getMessage(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic '" + name + "'", e);
                } catch (TimeoutException e) {
                    throw new KafkaUnreachableException("topic '" + name + "' not created within " + timeout, e);
                }
            });
            LOG.info("Created topics {} ({} partitions, replication factor {})", created, kafka.partitions(),
                    kafka.replicationFactor());
            return created;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new KafkaUnreachableException("cannot reach Kafka at '" + kafka.bootstrapServers()
                    + "' to create topics: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
