package io.filmwire.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.DlqEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterMetricsTest {

    /** An entry without a code, as written before codes existed. */
    private static DlqEntry entry(DlqEntry.Stage stage, String reason) {
        DlqEntry e = DlqEntry.of(stage, DlqEntry.Reason.INVALID, "p", "k", "x".getBytes(StandardCharsets.UTF_8), reason, null,
                DlqEntry.Coordinates.NONE, Instant.EPOCH);
        return new DlqEntry(e.id(), e.pageId(), e.stage(), e.reason(), null, e.error(), e.input(), e.inputEncoding(),
                e.inputTopic(), e.inputKey(), e.inputPartition(), e.inputOffset(), e.inputSize(), e.inputTruncated(), e.time());
    }

    @Test
    void anEntrysOwnCodeIsTheLabel() {
        DlqEntry coded = DlqEntry.of(DlqEntry.Stage.CLEAN, DlqEntry.Reason.TOO_LARGE, "p", "k", new byte[1], "anything",
                null, DlqEntry.Coordinates.NONE, Instant.EPOCH);
        assertThat(DeadLetterMetrics.reasonCode(coded)).isEqualTo("too-large");
    }

    @Test
    void theReasonsTheStagesWriteMapToShortCodes() {
        assertThat(DeadLetterMetrics.reasonCode(entry(DlqEntry.Stage.CLEAN,
                "page too large: 7000 characters, over the limit of 4000 (enrich.max.page.chars)"))).isEqualTo("too-large");
        assertThat(DeadLetterMetrics.reasonCode(entry(DlqEntry.Stage.VALIDATE, "not JSON: Unexpected character")))
                .isEqualTo("not-json");
        assertThat(DeadLetterMetrics.reasonCode(entry(DlqEntry.Stage.VALIDATE, "not a valid raw page: body is missing")))
                .isEqualTo("invalid");
        assertThat(DeadLetterMetrics.reasonCode(entry(DlqEntry.Stage.PUBLISH, "key 'a' is not the record's id 'b'")))
                .isEqualTo("key-mismatch");
        assertThat(DeadLetterMetrics.reasonCode(entry(DlqEntry.Stage.INGEST, "feed item not taken in: 404")))
                .isEqualTo("not-taken-in");
        assertThat(DeadLetterMetrics.reasonCode(entry(DlqEntry.Stage.EXTRACT, "something nobody wrote a rule for")))
                .isEqualTo(DeadLetterMetrics.OTHER);
        assertThat(DeadLetterMetrics.reasonCode(entry(DlqEntry.Stage.EXTRACT, null))).isEqualTo(DeadLetterMetrics.OTHER);
    }

    @Test
    void entriesAreCountedInOneFamilyByStageAndReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterMetrics metrics = new DeadLetterMetrics(registry);
        metrics.register(DlqEntry.Stage.PUBLISH);
        metrics.count(entry(DlqEntry.Stage.CLEAN, "page too large: 9 characters"));
        metrics.count(entry(DlqEntry.Stage.CLEAN, "page too large: 10 characters"));
        metrics.count(entry(DlqEntry.Stage.VALIDATE, "not JSON: x"));

        assertThat(registry.get(DeadLetterMetrics.NAME).tags("stage", "clean", "reason", "too-large").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get(DeadLetterMetrics.NAME).tags("stage", "validate", "reason", "not-json").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(DeadLetterMetrics.NAME).tags("stage", "publish", "reason", "other").counter().count())
                .isZero();
        assertThat(registry.find(DeadLetterMetrics.NAME).counters()).hasSize(3);
    }
}
