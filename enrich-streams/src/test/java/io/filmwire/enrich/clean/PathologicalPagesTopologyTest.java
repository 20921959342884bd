package io.filmwire.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.Settings;
import io.filmwire.enrich.streams.EnrichConfig;
import io.filmwire.enrich.streams.EnrichStreamsApp;
import io.filmwire.enrich.streams.EnrichTopology;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
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
 * The production enrich topology on pathological pages: each one ends as a clean page on
 * pages.clean or as a dead letter with a reason on pages.dlq, and the app keeps going (the page
 * after them is processed).
 */
class PathologicalPagesTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final String PROSE = "The restored print of the film returns to cinemas this winter, with a new"
            + " score and an introduction by the director, who had not seen it in forty years.";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, CleanPage> clean;
    private TestOutputTopic<String, DlqEntry> dlq;

    @BeforeEach
    void setUp() {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092",
                EnrichConfig.MAX_PAGE_CHARS, String.valueOf(11 * 1024 * 1024))), stateDir);
        driver = new TopologyTestDriver(EnrichTopology.build(config), EnrichStreamsApp.streamsProperties(config), T0);
        raw = driver.createInputTopic(Topics.PAGES_RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        clean = driver.createOutputTopic(Topics.PAGES_CLEAN.name(), Serdes.String().deserializer(),
                Topics.PAGES_CLEAN.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.PAGES_DLQ.name(), Serdes.String().deserializer(),
                Topics.PAGES_DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void pipe(String id, String html) {
        RawPage page = new RawPage(id, null, "test", RawPage.HTML, null, T0, null, html);
        raw.pipeInput(id, Json.write(page).getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void everyPathologicalPageEndsCleanOrAsADeadLetterWithAReason() {
        Map<String, String> pages = new HashMap<>();
        pages.put("nested", "<html><body>" + "<div><span>".repeat(50_000) + "<p>" + PROSE + "</p>"
                + "</span></div>".repeat(50_000) + "</body></html>");
        pages.put("ten-megabytes", "<html><body><article>" + ("<p>" + PROSE + "</p>").repeat(10 * 1024 * 1024 / (PROSE.length() + 7))
                + "</article></body></html>");
        pages.put("mojibake", "<html><body><p>" + new String(PROSE.replace("film", "fil\u00e9").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1) + "</p></body></html>");
        pages.put("over-the-limit", "<p>" + "x".repeat(12 * 1024 * 1024) + "</p>");
        pages.forEach(this::pipe);
        pipe("after", "<html><body><article><p>" + PROSE + "</p></article></body></html>");

        Map<String, CleanPage> cleaned = new HashMap<>();
        for (TestRecord<String, CleanPage> r : clean.readRecordsToList()) {
            cleaned.put(r.key(), r.value());
        }
        Map<String, DlqEntry> dead = new HashMap<>();
        for (TestRecord<String, DlqEntry> r : dlq.readRecordsToList()) {
            dead.put(r.key(), r.value());
        }
        for (String id : pages.keySet()) {
            assertThat(cleaned.containsKey(id) || dead.containsKey(id)).as(id + " cleaned or dead-lettered").isTrue();
        }
        assertThat(cleaned.get("nested").text()).isEqualTo(PROSE);
        assertThat(cleaned.get("ten-megabytes").text().length()).isLessThanOrEqualTo(ArticleCleaner.MAX_TEXT_CHARS);
        assertThat(cleaned.get("mojibake").text()).contains("fil\u00e9");
        assertThat(dead.get("over-the-limit").stage()).isEqualTo("clean");
        assertThat(dead.get("over-the-limit").reason()).contains("enrich.max.page.chars");
        assertThat(cleaned.get("after").text()).isEqualTo(PROSE);
    }
}
