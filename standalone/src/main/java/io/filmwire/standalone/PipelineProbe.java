package io.filmwire.standalone;

import io.filmwire.common.KafkaSettings;
import io.filmwire.enrich.streams.EnrichConfig;
import io.filmwire.publish.PublishConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures how far the Streams apps are behind their input topics, from their committed offsets.
 * The pipeline is idle when neither app has anything left to read. Thread-safe.
 */
public final class PipelineProbe implements AutoCloseable {

    private final Admin admin;
    private final List<String> groups;

    public PipelineProbe(KafkaSettings kafka, EnrichConfig enrich, PublishConfig publish) {
        this.admin = Admin.create(kafka.clientProperties(Map.of()));
        this.groups = List.of(enrich.applicationId(), publish.applicationId());
    }

    /** Records not yet processed, summed over both apps and all their input partitions. */
    public long lag() throws ExecutionException, InterruptedException, TimeoutException {
        long total = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Set<String> topics = new java.util.HashSet<>();
            committed.keySet().forEach(tp -> topics.add(tp.topic()));
            if (topics.isEmpty()) {
                return Long.MAX_VALUE; // the app has not committed yet
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long position = c == null ? 0 : c.offset();
                total += Math.max(0, e.getValue().offset() - position);
            }
        }
        return total;
    }

    /**
     * Waits until both apps have processed everything written so far and stayed so for a moment.
     *
     * @return true when idle, false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int idleChecks = 0;
        while (System.nanoTime() < deadline) {
            long lag;
            try {
                lag = lag();
            } catch (ExecutionException | TimeoutException e) {
                lag = Long.MAX_VALUE;
            }
            idleChecks = lag == 0 ? idleChecks + 1 : 0;
            if (idleChecks >= 3) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
