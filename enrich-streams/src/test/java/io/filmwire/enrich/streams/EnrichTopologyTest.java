package io.filmwire.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.Settings;
import io.filmwire.enrich.reconcile.FilmBlock;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.SchemaValidator;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, CleanPage> clean;
    private TestOutputTopic<String, FilmRecord> films;
    private TestOutputTopic<String, DlqEntry> dlq;

    @BeforeEach
    void setUp() {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092")), stateDir);
        driver = new TopologyTestDriver(EnrichTopology.build(config), EnrichStreamsApp.streamsProperties(config), T0);
        raw = driver.createInputTopic(Topics.PAGES_RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        clean = driver.createOutputTopic(Topics.PAGES_CLEAN.name(), Serdes.String().deserializer(),
                Topics.PAGES_CLEAN.valueSerde().deserializer());
        films = driver.createOutputTopic(Topics.FILMS_RECONCILED.name(), Serdes.String().deserializer(),
                Topics.FILMS_RECONCILED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.PAGES_DLQ.name(), Serdes.String().deserializer(),
                Topics.PAGES_DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static RawPage page(String url, String html) {
        return new RawPage(url, url, "test", RawPage.HTML, null, T0, null, html);
    }

    private static String movieHtml(String name, String date, String duration, String body) {
        return "<html><head><title>" + name + " - Example Films</title><script type=\"application/ld+json\">"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"Movie\",\"name\":\"" + name + "\",\"datePublished\":\""
                + date + "\",\"duration\":\"" + duration + "\"}</script></head><body><nav>Home | Films</nav>"
                + "<article><h1>" + name + "</h1><p>" + body + "</p></article></body></html>";
    }

    private void pipe(RawPage page, Instant at) {
        raw.pipeInput(page.pageId(), Json.write(page).getBytes(StandardCharsets.UTF_8), at);
    }

    @Test
    void aPageBecomesACleanArticleAndAValidFilmRecord() {
        pipe(page("https://films.example/gaslight", movieHtml("Gaslight", "1944-05-04", "PT1H54M",
                "A thriller about a house and a husband.")), T0);

        CleanPage article = clean.readValue();
        assertThat(article.pageId()).isEqualTo("https://films.example/gaslight");
        assertThat(article.text()).contains("A thriller about a house").doesNotContain("Home | Films");

        TestRecord<String, FilmRecord> out = films.readRecord();
        FilmRecord film = out.value();
        assertThat(out.key()).isEqualTo(film.id()).startsWith("film-gaslight");
        assertThat(film.title()).isEqualTo("Gaslight");
        assertThat(film.year()).isEqualTo(1944);
        assertThat(film.runtimeMinutes()).isEqualTo(114);
        assertThat(film.version()).isEqualTo(1);
        assertThat(film.sources()).extracting(FilmRecord.SourceRef::pageId).containsExactly("https://films.example/gaslight");
        assertThat(film.provenance().get("year")).singleElement()
                .satisfies(e -> assertThat(e.layer()).isEqualTo("structured"));
        assertThat(SchemaValidator.get().violations(MessageSchema.FILM_RECORD, film)).isEmpty();
        assertThat(RecordHeaders.text(out.headers(), RecordHeaders.CAUSE_PAGE)).isEqualTo("https://films.example/gaslight");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aCorruptMessageGoesToTheDeadLetterTopicAndTheNextPageStillFlows() {
        raw.pipeInput("garbage", new byte[] {(byte) 0xff, '{', 'x'}, T0);
        raw.pipeInput("no-body", "{\"pageId\":\"p\",\"source\":\"t\",\"contentType\":\"text/html\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8), T0);
        pipe(page("https://films.example/rush", movieHtml("Rush", "2013-09-13", "PT2H3M", "Formula One.")), T0);

        List<TestRecord<String, DlqEntry>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        DlqEntry first = dead.get(0).value();
        assertThat(first.stage()).isEqualTo("validate");
        assertThat(first.reason()).contains("not JSON");
        assertThat(first.inputEncoding()).isEqualTo(DlqEntry.BASE64);
        assertThat(first.inputBytes()).containsExactly((byte) 0xff, '{', 'x');
        assertThat(first.inputTopic()).isEqualTo("pages.raw");
        assertThat(first.inputOffset()).isEqualTo(0L);
        assertThat(dead.get(1).value().reason()).contains("body");
        assertThat(SchemaValidator.get().violations(MessageSchema.DLQ_ENTRY, first)).isEmpty();

        assertThat(films.readValuesToList()).extracting(FilmRecord::title).containsExactly("Rush");
    }

    @Test
    void secondPageAboutTheSameFilmBumpsTheVersionAndListsTheConflict() {
        pipe(page("https://a.example/rush", movieHtml("Rush", "2013-09-13", "PT2H3M", "Formula One.")), T0);
        pipe(page("https://b.example/rush", movieHtml("Rush", "2013-09-02", "PT2H2M", "Hunt and Lauda.")),
                T0.plusSeconds(60));
        pipe(page("https://c.example/rush", movieHtml("Rush", "2013", "PT2H3M", "A racing film.")),
                T0.plusSeconds(120));

        List<FilmRecord> versions = films.readValuesToList();
        assertThat(versions).extracting(FilmRecord::version).containsExactly(1L, 2L, 3L);
        FilmRecord last = versions.get(2);
        assertThat(versions).extracting(FilmRecord::id).containsOnly(last.id());
        assertThat(last.runtimeMinutes()).isEqualTo(123);
        assertThat(last.sources()).hasSize(3);
        assertThat(last.conflicts()).containsKey("runtimeMinutes");
        assertThat(last.conflicts().get("runtimeMinutes").chosen().asInt()).isEqualTo(123);

        KeyValueStore<String, FilmBlock> store = driver.getKeyValueStore(EnrichTopology.FILM_BLOCKS_STORE);
        assertThat(store.get("rush").films()).singleElement()
                .satisfies(f -> assertThat(f.mentions()).hasSize(3));
    }

    @Test
    void filmsWithTheSameTitleButYearsApartStayApart() {
        pipe(page("https://a.example/titanic-1953", movieHtml("Titanic", "1953-04-16", "PT1H38M", "An ocean liner.")), T0);
        pipe(page("https://a.example/titanic-1997", movieHtml("Titanic", "1997-12-19", "PT3H15M", "An ocean liner.")), T0);

        List<FilmRecord> out = films.readValuesToList();
        assertThat(out).extracting(FilmRecord::year).containsExactly(1953, 1997);
        assertThat(out.get(0).id()).isNotEqualTo(out.get(1).id());
    }

    @Test
    void thePageUpdatedInPlaceReplacesItsEarlierFacts() {
        pipe(page("https://a.example/up", movieHtml("Up Is Down", "1969", "PT5M", "A short.")), T0);
        pipe(page("https://a.example/up", movieHtml("Up Is Down", "1969", "PT6M", "A short, corrected.")),
                T0.plusSeconds(5));

        List<FilmRecord> out = films.readValuesToList();
        assertThat(out).extracting(FilmRecord::runtimeMinutes).containsExactly(5, 6);
        assertThat(out.get(1).conflicts()).doesNotContainKey("runtimeMinutes");
        assertThat(out.get(1).sources()).hasSize(1);
    }
}
