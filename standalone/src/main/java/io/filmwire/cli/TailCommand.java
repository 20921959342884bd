package io.filmwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.common.KafkaSettings;
import io.filmwire.schema.Json;
import io.filmwire.schema.Topics;
import io.filmwire.common.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filmwire tail TOPIC}: prints a topic as it grows. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Prints a topic as it grows.",
                "One JSON line per message: {topic, partition, offset, timestamp, key, value}; committed",
                "transactions only."})
final class TailCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "TOPIC", description = "pages.raw, pages.clean, pages.dlq, films.reconciled, films.records, films.changes or films.overrides.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the first message (default: only new ones).")
    boolean fromBeginning;

    @Option(names = "--exit-at-end", description = "Stop at the end of the topic instead of waiting for more.")
    boolean exitAtEnd;


    @Override
    public Integer call() {
        if (Topics.byName(topic) == null) {
            System.err.println("note: '" + topic + "' is not a Filmwire topic; printing it anyway");
        }
        KafkaSettings kafka = KafkaSettings.from(cluster.settings());
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        TopicReader.read(kafka, topic, fromBeginning, exitAtEnd, this::print, stop::get);
        return 0;
    }

    private void print(ConsumerRecord<String, byte[]> record) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key());
        if (record.value() == null) {
            line.putNull("value");
        } else {
            try {
                JsonNode value = Json.mapper().readTree(record.value());
                line.set("value", value);
            } catch (java.io.IOException e) {
                line.put("value", new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        System.out.println(line);
        System.out.flush();
    }
}
