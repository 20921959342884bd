package io.filmwire.enrich.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.Settings;
import io.filmwire.enrich.streams.EnrichConfig;
import io.filmwire.enrich.streams.EnrichStreamsApp;
import io.filmwire.enrich.streams.EnrichTopology;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Film pages of the shapes that once made analysis super-linear (a 20,000-row label table, a
 * 20,000-item definition list, 100,000 nested elements, 50,000 links in one list), through the
 * production enrich topology: each ends as its film's record (the page is read within
 * {@link PageBounds}) or as a dead letter with a reason, and the page after them is processed.
 */
class PathologicalShapesTopologyTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, FilmRecord> films;
    private TestOutputTopic<String, DlqEntry> dlq;

    @BeforeEach
    void setUp() {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092")), stateDir);
        driver = new TopologyTestDriver(EnrichTopology.build(config), EnrichStreamsApp.streamsProperties(config), T0);
        raw = driver.createInputTopic(Topics.PAGES_RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        films = driver.createOutputTopic(Topics.FILMS_RECONCILED.name(), Serdes.String().deserializer(),
                Topics.FILMS_RECONCILED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.PAGES_DLQ.name(), Serdes.String().deserializer(),
                Topics.PAGES_DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void pipe(String id, String html) {
        RawPage page = new RawPage(id, "https://pages.example/" + id, "test", RawPage.HTML, null, T0, null, html);
        raw.pipeInput(id, Json.write(page).getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void everyShapeEndsAsItsFilmOrAsADeadLetterWithAReason() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (PathologicalPages.Shape shape : PathologicalPages.bounded().values()) {
            titles.put(shape.name(), shape.title());
            pipe(shape.name(), shape.html());
        }
        pipe("after", PathologicalPages.filmPage("The Small Page", 3, n -> "<ul>", i -> "<li>Festival screening " + i + "</li>", "</ul>"));

        Map<String, String> filmTitles = new HashMap<>();
        for (TestRecord<String, FilmRecord> r : films.readRecordsToList()) {
            if (r.value() != null) {
                filmTitles.put(r.value().title(), r.key());
            }
        }
        Map<String, DlqEntry> dead = new HashMap<>();
        for (TestRecord<String, DlqEntry> r : dlq.readRecordsToList()) {
            dead.put(r.key(), r.value());
        }
        titles.forEach((page, title) -> {
            assertThat(filmTitles.containsKey(title) || dead.containsKey(page)).as(page + ": its film or a dead letter").isTrue();
            if (dead.containsKey(page)) {
                assertThat(dead.get(page).reason()).as(page + " dead letter's reason").isNotBlank();
            }
        });
        // read within the bounds, these shapes are films, not failures
        assertThat(filmTitles).containsKeys(titles.values().toArray(String[]::new));
        assertThat(filmTitles).containsKey("The Small Page");
    }
}
