package io.filmwire.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static <T> T roundTrip(Topic<String, T> topic, T value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
    }

    @Test
    void filmRecordRoundTripsWithEveryField() {
        FilmRecord film = Samples.film();
        assertThat(roundTrip(Topics.FILMS_RECORDS, film)).isEqualTo(film);
    }

    @Test
    void rawPageRoundTrips() {
        assertThat(roundTrip(Topics.PAGES_RAW, Samples.page())).isEqualTo(Samples.page());
    }

    @Test
    void cleanPageChangeEventDlqEntryAndOverridesRoundTrip() {
        CleanPage clean = new CleanPage("p", "https://x.org/p", "x.org", "T", "A", "2020-01-02", "en", "text",
                List.of(new CleanPage.Segment("H", 2, "body")));
        assertThat(roundTrip(Topics.PAGES_CLEAN, clean)).isEqualTo(clean);

        ChangeEvent change = new ChangeEvent("film-a", ChangeEvent.UPDATED, 2, 1L,
                List.of(new ChangeEvent.FieldChange("year", TextNode.valueOf("1990"), TextNode.valueOf("1991"))),
                new ChangeEvent.Cause("p", "https://x.org/p", null), null, Samples.T);
        assertThat(roundTrip(Topics.FILMS_CHANGES, change)).isEqualTo(change);

        DlqEntry dead = DlqEntry.of(DlqEntry.Stage.VALIDATE, DlqEntry.Reason.INVALID, "p", "p", new byte[] {(byte) 0xff, 0x00, 0x41},
                "not JSON", new IllegalArgumentException("x"), new DlqEntry.Coordinates("pages.raw", 1, 7L), Samples.T);
        assertThat(roundTrip(Topics.PAGES_DLQ, dead)).isEqualTo(dead);

        FilmOverrides overrides = new FilmOverrides("film-a", Map.of("year",
                new FilmOverrides.FieldOverride(TextNode.valueOf("1991"), "ed", "press kit", Samples.T)));
        assertThat(roundTrip(Topics.FILMS_OVERRIDES, overrides)).isEqualTo(overrides);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(Topics.FILMS_RECORDS.valueSerde().serializer().serialize("films.records", null)).isNull();
        assertThat(Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize("films.records", null)).isNull();
    }

    @Test
    void writingSetsTheSchemaHeaderAlsoOnATombstoneAndReplacesAStaleOne() {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RecordHeaders.SCHEMA, "raw-page/1.0".getBytes(StandardCharsets.UTF_8));
        Topics.FILMS_RECORDS.valueSerde().serializer().serialize("films.records", headers, Samples.film());
        assertThat(headers.headers(RecordHeaders.SCHEMA)).hasSize(1);
        assertThat(RecordHeaders.text(headers, RecordHeaders.SCHEMA)).isEqualTo(MessageSchema.FILM_RECORD.id().toString())
                .startsWith("film-record/1.");

        Headers tombstone = new org.apache.kafka.common.header.internals.RecordHeaders();
        assertThat(Topics.FILMS_RECORDS.valueSerde().serializer().serialize("films.records", tombstone, null)).isNull();
        assertThat(RecordHeaders.text(tombstone, RecordHeaders.SCHEMA)).isEqualTo(MessageSchema.FILM_RECORD.id().toString());
    }

    @Test
    void aTypeWithoutSchemaRemovesTheHeaderItInherited() {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RecordHeaders.SCHEMA, "raw-page/1.1".getBytes(StandardCharsets.UTF_8));
        new JsonSerde<>(Map.class).serialize("internal", headers, Map.of("a", 1));
        assertThat(headers.lastHeader(RecordHeaders.SCHEMA)).isNull();
    }

    @Test
    void readingAcceptsAnyMinorVersionAndRefusesAnotherMajorOrSchema() {
        byte[] bytes = Topics.FILMS_RECORDS.valueSerde().serializer().serialize("films.records", Samples.film());
        JsonSerde<FilmRecord> serde = (JsonSerde<FilmRecord>) Topics.FILMS_RECORDS.valueSerde();
        int major = serde.schema().major();
        for (String readable : List.of("film-record/" + major + ".0", "film-record/" + major + ".99")) {
            assertThat(serde.deserialize("films.records", headers(readable), bytes)).isEqualTo(Samples.film());
        }
        assertThat(serde.deserialize("films.records", new org.apache.kafka.common.header.internals.RecordHeaders(), bytes)).isEqualTo(Samples.film());
        assertThatThrownBy(() -> serde.deserialize("films.records", headers("film-record/" + (major + 1) + ".0"), bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("major version " + (major + 1));
        assertThatThrownBy(() -> serde.deserialize("films.records", headers("raw-page/" + major + ".1"), bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("raw-page");
        assertThatThrownBy(() -> serde.deserialize("films.records", headers("film record, v1"), bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("malformed");
    }

    @Test
    void everyTopicNamesTheSchemaOfItsValues() {
        assertThat(Topics.schemaHeader("films.records")).isEqualTo(MessageSchema.FILM_RECORD.id().toString());
        assertThat(Topics.schemaHeader("pages.raw")).isEqualTo(MessageSchema.RAW_PAGE.id().toString());
        assertThat(Topics.schemaHeader("not.a.topic")).isNull();
    }

    private static Headers headers(String schema) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RecordHeaders.SCHEMA, schema.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void malformedBytesFailWithTheTypeAndTopic() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.PAGES_RAW.valueSerde().deserializer().deserialize("pages.raw", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RawPage")
                .hasMessageContaining("pages.raw");
    }

    @Test
    void rawPageWithoutBodyIsRejected() {
        byte[] noBody = "{\"pageId\":\"p\",\"source\":\"http\",\"contentType\":\"text/html\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.PAGES_RAW.valueSerde().deserializer().deserialize("pages.raw", noBody))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("body");
    }

    @Test
    void dlqKeepsBinaryInputAsBase64AndTextAsText() {
        byte[] binary = {(byte) 0xc3, (byte) 0x28, 0x01};
        DlqEntry dead = DlqEntry.of(DlqEntry.Stage.VALIDATE, DlqEntry.Reason.INVALID, null, null, binary, "r", null,
                DlqEntry.Coordinates.NONE, Samples.T);
        assertThat(dead.inputEncoding()).isEqualTo(DlqEntry.BASE64);
        assertThat(dead.inputBytes()).isEqualTo(binary);

        DlqEntry text = DlqEntry.of(DlqEntry.Stage.VALIDATE, DlqEntry.Reason.INVALID, null, null, "héllo".getBytes(StandardCharsets.UTF_8),
                "r", null, DlqEntry.Coordinates.NONE, Samples.T);
        assertThat(text.inputEncoding()).isEqualTo(DlqEntry.UTF8);
        assertThat(text.input()).isEqualTo("héllo");
    }

    @Test
    void aDeadLetterOfATopicRecordKeepsItsCoordinatesAndABoundedPreview() {
        byte[] big = "é".repeat(400_000).getBytes(StandardCharsets.UTF_8);
        DlqEntry dead = DlqEntry.of(DlqEntry.Stage.CLEAN, DlqEntry.Reason.TOO_LARGE, "p", "p", big, "r", null,
                new DlqEntry.Coordinates("pages.raw", 2, 77L), Samples.T);
        assertThat(dead.truncated()).isTrue();
        assertThat(dead.inputSize()).isEqualTo(big.length);
        assertThat(dead.inputBytes().length).isLessThanOrEqualTo(DlqEntry.PREVIEW_BYTES);
        assertThat(dead.input()).as("not cut inside a character").matches("é+");
        assertThat(dead.inputOffset()).isEqualTo(77L);
        assertThat(Json.write(dead).length()).isLessThan(2 * DlqEntry.PREVIEW_BYTES);

        DlqEntry small = dead.trimmed(100);
        assertThat(small.inputBytes().length).isLessThanOrEqualTo(100);
        assertThat(small.inputSize()).isEqualTo(big.length);
        assertThat(small.weight()).isLessThan(dead.weight());
    }

    @Test
    void keysOfAMapAreReadAsTheyAreWithoutTheJvmsStringPool() throws Exception {
        // a key already in the JVM's pool: an interning reader would hand back that very instance
        String pooled = ("block-" + System.nanoTime()).intern();
        Map<?, ?> read = Json.mapper().readValue("{\"" + pooled + "\": 1, \"other\": 2}", Map.class);
        String key = (String) read.keySet().iterator().next();
        assertThat(key).isEqualTo(pooled).isNotSameAs(pooled);
    }
}
