package io.filmwire.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.common.Settings;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> reconciled;
    private TestOutputTopic<String, FilmRecord> records;
    private TestOutputTopic<String, ChangeEvent> changes;
    private TestOutputTopic<String, DlqEntry> dlq;

    @BeforeEach
    void setUp() {
        PublishConfig config = PublishConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092")), stateDir);
        driver = new TopologyTestDriver(PublishTopology.build(config), PublishService.streamsProperties(config), T0);
        reconciled = driver.createInputTopic(Topics.FILMS_RECONCILED.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        records = driver.createOutputTopic(Topics.FILMS_RECORDS.name(), Serdes.String().deserializer(),
                Topics.FILMS_RECORDS.valueSerde().deserializer());
        changes = driver.createOutputTopic(Topics.FILMS_CHANGES.name(), Serdes.String().deserializer(),
                Topics.FILMS_CHANGES.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.PAGES_DLQ.name(), Serdes.String().deserializer(),
                Topics.PAGES_DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static FilmRecord film(long version, Integer year) {
        return new FilmRecord("film-rush-2013", "Rush", List.of(), year, 123, null, List.of("English"), List.of(),
                List.of(new FilmRecord.Credit("director", "Ron Howard")),
                List.of(new FilmRecord.SourceRef("p1", "https://a.example/rush", "a.example", null)),
                Map.of(), Map.of(), version, List.of(), T0);
    }

    private void pipe(String key, Object value, String causePage) {
        RecordHeaders headers = new RecordHeaders();
        if (causePage != null) {
            headers.add(io.filmwire.schema.RecordHeaders.CAUSE_PAGE, causePage.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = value == null ? null : value instanceof byte[] b ? b : Json.write(value).getBytes(StandardCharsets.UTF_8);
        reconciled.pipeInput(new TestRecord<>(key, bytes, headers, T0));
    }

    @Test
    void aValidRecordIsPublishedWithACreatedEvent() {
        pipe("film-rush-2013", film(1, 2013), "p1");

        assertThat(records.readKeyValue().value).isEqualTo(film(1, 2013));
        ChangeEvent created = changes.readValue();
        assertThat(created.type()).isEqualTo(ChangeEvent.CREATED);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.causedBy().pageId()).isEqualTo("p1");
        assertThat(created.changes()).extracting(ChangeEvent.FieldChange::field).contains("title", "year", "credits")
                .doesNotContain("aliases", "version");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aRecordMissingARequiredFieldGoesToTheDeadLetterTopicNeverDownstream() throws Exception {
        ObjectNode broken = (ObjectNode) Json.tree(film(1, 2013));
        broken.remove("title");
        pipe("film-rush-2013", broken, null);

        assertThat(records.isEmpty()).isTrue();
        assertThat(changes.isEmpty()).isTrue();
        DlqEntry dead = dlq.readValue();
        assertThat(dead.stage()).isEqualTo("publish");
        assertThat(dead.reason()).contains("title");
        assertThat(Json.mapper().readTree(dead.input()).path("id").asText()).isEqualTo("film-rush-2013");
    }

    @Test
    void corruptBytesGoToTheDeadLetterTopicAndTheNextRecordIsPublished() {
        pipe("film-x", "{not json".getBytes(StandardCharsets.UTF_8), null);
        pipe("film-rush-2013", film(1, 2013), null);

        assertThat(dlq.readValue().reason()).startsWith("not JSON");
        assertThat(records.readValue().title()).isEqualTo("Rush");
    }

    @Test
    void anUpdateNamesTheChangedFieldWithOldAndNewValue() {
        pipe("film-rush-2013", film(1, null), "p1");
        pipe("film-rush-2013", film(2, 2013), "p2");

        changes.readValue();
        ChangeEvent update = changes.readValue();
        assertThat(update.type()).isEqualTo(ChangeEvent.UPDATED);
        assertThat(update.previousVersion()).isEqualTo(1L);
        assertThat(update.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("year");
            assertThat(c.oldValue().isNull()).isTrue();
            assertThat(c.newValue().asInt()).isEqualTo(2013);
        });
        assertThat(update.causedBy().pageId()).isEqualTo("p2");
    }

    @Test
    void aStaleVersionIsNotRepublished() {
        pipe("film-rush-2013", film(2, 2013), null);
        pipe("film-rush-2013", film(1, 1991), null);

        assertThat(records.readValuesToList()).extracting(FilmRecord::version).containsExactly(2L);
    }

    @Test
    void aTombstoneRemovesTheFilmAndSaysSo() {
        pipe("film-rush-2013", film(1, 2013), null);
        pipe("film-rush-2013", null, "p9");

        List<TestRecord<String, FilmRecord>> out = records.readRecordsToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).value()).isNull();
        changes.readValue();
        ChangeEvent gone = changes.readValue();
        assertThat(gone.type()).isEqualTo(ChangeEvent.DELETED);
        assertThat(gone.previousVersion()).isEqualTo(1L);
        assertThat(driver.getKeyValueStore(PublishTopology.PUBLISHED_STORE).get("film-rush-2013")).isNull();
    }

    @Test
    void aMergeTombstonesTheAbsorbedIdWithAnEventPointingToTheSurvivor() {
        pipe("film-rush-2013", film(1, 2013), "p1");
        RecordHeaders headers = new RecordHeaders();
        headers.add(io.filmwire.schema.RecordHeaders.CAUSE_PAGE, "p7".getBytes(StandardCharsets.UTF_8));
        headers.add(io.filmwire.schema.RecordHeaders.MERGED_INTO, "film-rush-2013-howard".getBytes(StandardCharsets.UTF_8));
        reconciled.pipeInput(new TestRecord<>("film-rush-2013", null, headers, T0));

        assertThat(records.readRecordsToList()).extracting(TestRecord::value).containsExactly(film(1, 2013), null);
        changes.readValue();
        ChangeEvent merged = changes.readValue();
        assertThat(merged.type()).isEqualTo(ChangeEvent.MERGED);
        assertThat(merged.mergedInto()).isEqualTo("film-rush-2013-howard");
        assertThat(merged.causedBy().pageId()).isEqualTo("p7");
        assertThat(merged.version()).isZero();
    }

    @Test
    void everyEventOfAFilmIsKeptInItsHistoryEvenAfterItIsGone() {
        pipe("film-rush-2013", film(1, null), "p1");
        pipe("film-rush-2013", film(2, 2013), "p2");
        pipe("film-rush-2013", null, "p3");

        FilmHistory history = (FilmHistory) driver.getKeyValueStore(PublishTopology.HISTORY_STORE).get("film-rush-2013");
        assertThat(history.events()).extracting(ChangeEvent::type)
                .containsExactly(ChangeEvent.CREATED, ChangeEvent.UPDATED, ChangeEvent.DELETED);
        assertThat(history.events()).extracting(e -> e.causedBy().pageId()).containsExactly("p1", "p2", "p3");
        assertThat(history.events()).isEqualTo(changes.readValuesToList());
        assertThat(history.dropped()).isZero();
    }

    @Test
    void theHistoryKeepsTheLastEventsAndCountsTheDropped() {
        FilmHistory history = FilmHistory.of("film-x");
        for (int v = 1; v <= FilmHistory.MAX_EVENTS + 5; v++) {
            history = history.with(new ChangeEvent("film-x", ChangeEvent.UPDATED, v, (long) v - 1, List.of(), null, null, T0));
        }
        assertThat(history.events()).hasSize(FilmHistory.MAX_EVENTS);
        assertThat(history.events().get(0).version()).isEqualTo(6);
        assertThat(history.dropped()).isEqualTo(5);
    }
}
