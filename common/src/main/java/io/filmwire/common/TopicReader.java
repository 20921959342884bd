package io.filmwire.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic without a consumer group (all partitions assigned, committed transactions
 * only): to its current end, or on and on. For the CLI's {@code tail} and {@code demo} and for tests.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every committed record of {@code topic} from the beginning up to its end as of now. */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(KafkaSettings kafka, String topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        read(kafka, topic, true, true, out::add, () -> false);
        return out;
    }

    /**
     * Reads {@code topic}, handing each record to {@code sink}.
     *
     * @param fromBeginning start at the first record (else at the end)
     * @param exitAtEnd     stop at the end as of the start (else go on until {@code stop} is true)
     */
    public static void read(KafkaSettings kafka, String topic, boolean fromBeginning, boolean exitAtEnd,
                            Consumer<ConsumerRecord<String, byte[]>> sink, BooleanSupplier stop) {
        Map<String, Object> props = kafka.clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic '" + topic + "' does not exist on " + kafka.bootstrapServers());
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (!stop.getAsBoolean()) {
                if (exitAtEnd && partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                    return;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    sink.accept(record);
                }
            }
        }
    }
}
