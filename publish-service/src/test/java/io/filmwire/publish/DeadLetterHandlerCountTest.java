package io.filmwire.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.DeadLetterHandler;
import io.filmwire.common.Settings;
import io.filmwire.common.metrics.DeadLetterMetrics;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dead letters Kafka Streams' own handlers write (KIP-1034) are counted, once each, with the processors' family. */
class DeadLetterHandlerCountTest {

    @TempDir
    Path stateDir;

    @Test
    void anUnreadableRecordAndAFailingProcessorAreEachCountedOnceByStageAndReason() {
        PublishConfig config = PublishConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092")), stateDir);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Properties props = PublishService.streamsProperties(config);
        DeadLetterHandler.countIn(props, registry);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("numbers", Consumed.with(Serdes.String(), Serdes.Integer()))
                .mapValues(v -> 100 / v, Named.as("divide"))
                .to("quotients", Produced.with(Serdes.String(), Serdes.Integer()));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic("numbers", Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            in.pipeInput("three-bytes", new byte[]{1, 2, 3}); // not an int: the deserialization handler
            in.pipeInput("zero", Serdes.Integer().serializer().serialize("numbers", 0)); // 100 / 0: the processing handler
            in.pipeInput("five", Serdes.Integer().serializer().serialize("numbers", 5));
            List<DlqEntry> dead = driver.createOutputTopic(Topics.PAGES_DLQ.name(), Serdes.String().deserializer(),
                    Topics.PAGES_DLQ.valueSerde().deserializer()).readValuesToList();
            // the test driver drops what a deserialization handler returns for the DLQ (a real broker gets it: see
            // the README's dead letters); the processing handler's entry does reach pages.dlq here
            assertThat(dead).extracting(DlqEntry::code).containsExactly("processing-failed");
            assertThat(driver.createOutputTopic("quotients", Serdes.String().deserializer(), Serdes.Integer().deserializer())
                    .readValuesToList()).containsExactly(20);
            assertThat(count(registry, "publish", "unreadable")).isEqualTo(1.0);
            assertThat(count(registry, "publish", "processing-failed")).isEqualTo(1.0);
            assertThat(registry.find(DeadLetterMetrics.NAME).counters().stream().mapToDouble(Counter::count).sum())
                    .as("each dead letter counted once").isEqualTo(2.0);
        }
    }

    @Test
    void withoutARegistryTheHandlerStillWritesAndCountsNothing() {
        PublishConfig config = PublishConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092")), stateDir);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("numbers", Consumed.with(Serdes.String(), Serdes.Integer())).mapValues(v -> 1 / v, Named.as("divide"))
                .to("out", Produced.with(Serdes.String(), Serdes.Integer()));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), PublishService.streamsProperties(config))) {
            driver.createInputTopic("numbers", Serdes.String().serializer(), Serdes.Integer().serializer())
                    .pipeInput("k", 0);
            assertThat(driver.createOutputTopic(Topics.PAGES_DLQ.name(), Serdes.String().deserializer(),
                    Topics.PAGES_DLQ.valueSerde().deserializer()).readValuesToList()).hasSize(1);
        }
    }

    private static double count(SimpleMeterRegistry registry, String stage, String reason) {
        Counter c = registry.find(DeadLetterMetrics.NAME).tag("stage", stage).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }
}
