package io.filmwire.publish.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.schema.DlqEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ops view keeps dead letters bounded in bytes, whatever they hold. */
class RecentActivityTest {

    @Test
    void manyLargeDeadLettersStayWithinTheViewsBudget() {
        KafkaSettings nowhere = KafkaSettings.from(Settings.of(Map.of(KafkaSettings.BOOTSTRAP_SERVERS, "127.0.0.1:1")));
        try (RecentActivity recent = new RecentActivity(nowhere)) {
            String big = "x".repeat(1_000_000);
            for (int i = 0; i < 150; i++) {
                DlqEntry whole = new DlqEntry("id-" + i, "p" + i, "clean", "too large", "too-large", null, big, DlqEntry.UTF8,
                        null, "p" + i, null, null, (long) big.length(), false, Instant.EPOCH);
                recent.remember(whole);
            }
            assertThat(recent.deadLetterBytes()).isLessThanOrEqualTo(RecentActivity.KEPT_DEAD_LETTER_BYTES);
            assertThat(recent.deadLetters(500)).isNotEmpty()
                    .allMatch(e -> e.input().getBytes(StandardCharsets.UTF_8).length <= RecentActivity.KEPT_INPUT_BYTES)
                    .allMatch(DlqEntry::truncated);
            assertThat(recent.deadLetters(1).get(0).id()).as("newest first").isEqualTo("id-149");
        }
    }
}
