package io.filmwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed sends certainly wrote nothing (503) and which may have (504, outcome unknown). */
class PageIntakeTest {

    @Test
    void onlyARecordNeverHandedToKafkaIsSurelyNotWritten() {
        assertThat(PageIntake.surelyNotWritten(new ExecutionException(
                new TimeoutException("Topic pages.raw not present in metadata after 1000 ms.")))).isTrue();
        assertThat(PageIntake.surelyNotWritten(new ExecutionException(
                new PageIntake.NotSentException(new IllegalStateException("producer closed"))))).isTrue();
        assertThat(PageIntake.surelyNotWritten(new ExecutionException(new TimeoutException(
                "Expiring 1 record(s) for pages.raw-0: 2501 ms has passed since batch creation")))).isFalse();
        assertThat(PageIntake.surelyNotWritten(new ExecutionException(new TimeoutException(
                "no answer from Kafka within 3000 ms")))).isFalse();
        assertThat(PageIntake.isRetriable(new ExecutionException(new TimeoutException("x")))).isTrue();
    }
}
