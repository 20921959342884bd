package io.filmwire.publish.ops;

import io.filmwire.common.KafkaSettings;
import io.filmwire.schema.Topic;
import io.filmwire.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What operators watch on the topics: for each Filmwire topic its partitions, its offsets (end minus
 * start: the records it holds plus transaction markers; a compacted topic shows what it still holds), and for
 * each consumer group reading it, how far behind it is. One admin client, closed with this. Thread-safe.
 */
public final class TopicStats implements AutoCloseable {

    /**
     * One topic's figures. {@code offsets}: end minus start offsets over its partitions, that is the
     * records it holds plus the markers of the transactions that wrote them.
     */
    public record TopicFigures(String name, boolean compacted, int partitions, long offsets,
                               Map<String, Long> lagByGroup) {
    }

    private final Admin admin;

    public TopicStats(KafkaSettings kafka) {
        this.admin = Admin.create(kafka.clientProperties(Map.of()));
    }

    /** The figures of every Filmwire topic. */
    public List<TopicFigures> figures() throws ExecutionException, InterruptedException, TimeoutException {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        descriptions.forEach((name, d) -> d.partitions().forEach(p -> {
            latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);

        Map<String, Map<String, Long>> lag = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            committed.forEach((tp, offset) -> {
                if (offset != null && ends.containsKey(tp)) {
                    lag.computeIfAbsent(tp.topic(), t -> new LinkedHashMap<>())
                            .merge(group.groupId(), Math.max(0, ends.get(tp).offset() - offset.offset()), Long::sum);
                }
            });
        }
        List<TopicFigures> out = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            TopicDescription d = descriptions.get(topic.name());
            if (d == null) {
                continue;
            }
            long offsets = 0;
            for (var p : d.partitions()) {
                TopicPartition tp = new TopicPartition(topic.name(), p.partition());
                offsets += ends.get(tp).offset() - starts.get(tp).offset();
            }
            out.add(new TopicFigures(topic.name(), topic.compacted(), d.partitions().size(), offsets,
                    lag.getOrDefault(topic.name(), Map.of())));
        }
        return out;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
