package io.filmwire.publish.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a replay goes, and the filters of a listing. */
class DeadLettersTest {

    private static DlqEntry from(String topic, String stage, String code) {
        return new DlqEntry("id", "p", stage, "r", code, null, "x", DlqEntry.UTF8, topic, "k", 0, 1L, 1L, false, Instant.EPOCH);
    }

    @Test
    void aReplayGoesBackToTheStageItFailedAt() {
        assertThat(DeadLetters.replayTopic(from(Topics.PAGES_RAW.name(), "validate", "not-json"))).isEqualTo(Topics.PAGES_RAW.name());
        assertThat(DeadLetters.replayTopic(from("filmwire-enrich-overrides-in-repartition", "reconcile", "not-json")))
                .as("an override goes back to films.overrides, not pages.raw").isEqualTo(Topics.FILMS_OVERRIDES.name());
        assertThat(DeadLetters.replayTopic(from(Topics.FILMS_RECONCILED.name(), "publish", "invalid")))
                .isEqualTo(Topics.FILMS_RECONCILED.name());
        assertThat(DeadLetters.replayTopic(from(null, "ingest", "not-taken-in")))
                .as("an intake failure is fetched again, never written to pages.raw").isEqualTo(Topics.PAGES_FETCH.name());
        assertThat(DeadLetters.replayTopic(from(Topics.PAGES_FETCH.name(), "ingest", "not-taken-in")))
                .isEqualTo(Topics.PAGES_FETCH.name());
    }

    @Test
    void anIntakeFailureWithoutAUrlIsNotReplayed() {
        DeadLetters letters = new DeadLetters(io.filmwire.common.KafkaSettings.from(io.filmwire.common.Settings.of(
                java.util.Map.of(io.filmwire.common.KafkaSettings.BOOTSTRAP_SERVERS, "127.0.0.1:1"))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> letters.replay(from(null, "ingest", "not-taken-in")))
                .isInstanceOf(DeadLetters.NotReplayable.class).hasMessageContaining("names no http(s) URL to fetch again");
        DlqEntry feedItem = new DlqEntry("id2", "https://films.example/a", "ingest", "r", "not-taken-in", null,
                "{\"url\": \"https://films.example/a\", \"feed\": \"https://films.example/rss\", \"title\": \"A\"}",
                DlqEntry.UTF8, null, "https://films.example/a", null, null, 10L, false, Instant.EPOCH);
        io.filmwire.schema.FetchRequest request = io.filmwire.schema.FetchRequest.replaying(feedItem, Instant.EPOCH);
        assertThat(request.url()).isEqualTo("https://films.example/a");
        assertThat(request.source()).isEqualTo("feed:https://films.example/rss");
        assertThat(request.title()).isEqualTo("A");
    }

    @Test
    void filtersMatchStageAndCode() {
        DlqEntry entry = from(Topics.PAGES_RAW.name(), "validate", "binary-body");
        assertThat(DeadLetters.matches(entry, null, null)).isTrue();
        assertThat(DeadLetters.matches(entry, "validate", "binary-body")).isTrue();
        assertThat(DeadLetters.matches(entry, "clean", null)).isFalse();
        assertThat(DeadLetters.matches(entry, null, "not-json")).isFalse();
    }
}
