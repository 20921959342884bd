package io.filmwire.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    @Test
    void anUnreadableRecordBecomesABoundedDeadLetterWithItsCoordinates() {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.DEFAULT_STAGE_CONFIG, "publish"));
        byte[] garbage = new byte[DlqEntry.PREVIEW_BYTES * 4];
        Arrays.fill(garbage, (byte) 'x');
        String topic = "enrich-page-digests-repartition";
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(topic, 0, 42L,
                "https://a.example/f".getBytes(StandardCharsets.UTF_8), garbage);
        DeserializationExceptionHandler.Response response = handler.handleError((ErrorHandlerContext) null, record,
                new SerializationException("Unrecognized token 'xxxx'"));
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.PAGES_DLQ.name());
        DlqEntry entry = Topics.PAGES_DLQ.valueSerde().deserializer().deserialize(dead.topic(), dead.headers(), dead.value());
        assertThat(entry.stage()).isEqualTo("dedup");
        assertThat(entry.code()).isEqualTo("unreadable");
        assertThat(entry.inputTopic()).isEqualTo(topic);
        assertThat(entry.inputPartition()).isZero();
        assertThat(entry.inputOffset()).isEqualTo(42L);
        assertThat(entry.pageId()).isEqualTo("https://a.example/f");
        assertThat(entry.inputSize()).isEqualTo(garbage.length);
        assertThat(entry.truncated()).isTrue();
        assertThat(entry.input()).hasSize(DlqEntry.PREVIEW_BYTES);
        assertThat(dead.value().length).as("the dead letter is bounded, not a copy").isLessThan(garbage.length / 2);
    }

    @Test
    void stagesFollowTheProcessorOrTopic() {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.DEFAULT_STAGE_CONFIG, "publish"));
        assertThat(handler.stageOf("enrich-overrides-in-repartition")).isEqualTo(DlqEntry.Stage.RECONCILE);
        assertThat(handler.stageOf("analyze-page")).isEqualTo(DlqEntry.Stage.CLEAN);
        assertThat(handler.stageOf("pages.raw")).isEqualTo(DlqEntry.Stage.VALIDATE);
        assertThat(handler.stageOf("films.reconciled")).isEqualTo(DlqEntry.Stage.PUBLISH);
        assertThat(handler.stageOf("something-else")).isEqualTo(DlqEntry.Stage.PUBLISH);
    }
}
