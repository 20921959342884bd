package io.filmwire.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.Settings;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.JsonSerde;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production topology learns a site's title template in its changelogged {@code site-profiles}
 * store as the site's pages arrive, and keeps it across a restart.
 */
class SiteProfileTopologyTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final String SITE = "picturehouse.example";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, FilmRecord> films;
    private TestOutputTopic<String, SiteProfile> changelog;
    private EnrichConfig config;

    private void start() {
        config = EnrichConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092")), stateDir);
        driver = new TopologyTestDriver(EnrichTopology.build(config), EnrichStreamsApp.streamsProperties(config), T0);
        raw = driver.createInputTopic(Topics.PAGES_RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        films = driver.createOutputTopic(Topics.FILMS_RECONCILED.name(), Serdes.String().deserializer(),
                Topics.FILMS_RECONCILED.valueSerde().deserializer());
        changelog = driver.createOutputTopic(config.applicationId() + "-" + EnrichTopology.SITE_PROFILES_STORE + "-changelog",
                Serdes.String().deserializer(), new JsonSerde<>(SiteProfile.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    private void pipe(String slug, String film, String facts, Instant at) {
        String url = "https://www." + SITE + "/film/" + slug;
        String html = "<html><head><title>Now showing: " + film + " – The Example Picturehouse</title></head><body>"
                + "<div class=\"facts\"><p>" + facts + "</p></div><p>Book now.</p></body></html>";
        RawPage page = new RawPage(url, url, "test", RawPage.HTML, null, at, null, html);
        raw.pipeInput(url, Json.write(page).getBytes(StandardCharsets.UTF_8), at);
    }

    private List<String> titles() {
        return films.readValuesToList().stream().filter(r -> r != null).map(FilmRecord::title).toList();
    }

    @Test
    void aSitesTitleTemplateIsLearntFromItsPagesAndKeptAcrossARestart() {
        start();
        pipe("red-balloon", "The Red Balloon", "France, 1956, 34 min", T0);
        // one page of a site never seen: its title keeps the site's wording
        assertThat(titles()).singleElement().isNotEqualTo("The Red Balloon");
        pipe("playtime", "Playtime", "France, 1967, 124 min", T0.plusSeconds(60));
        pipe("mon-oncle", "Mon Oncle", "France, 1958, 116 min", T0.plusSeconds(120));
        assertThat(titles()).contains("Mon Oncle");

        KeyValueStore<String, SiteProfile> store = driver.getKeyValueStore(EnrichTopology.SITE_PROFILES_STORE);
        SiteProfile learnt = store.get(SITE);
        assertThat(learnt.pageCount()).isEqualTo(3);
        assertThat(learnt.titleAffixes().prefixes()).contains("Now showing:");
        assertThat(learnt.titleAffixes().suffixes()).contains("– The Example Picturehouse");

        // every change went to the store's changelog topic, which is what a restarted task restores from
        List<TestRecord<String, SiteProfile>> logged = changelog.readRecordsToList();
        assertThat(logged).extracting(TestRecord::key).containsOnly(SITE);
        SiteProfile last = logged.get(logged.size() - 1).value();
        assertThat(last).isEqualTo(learnt);

        // restart: a new task on a fresh state directory, its store restored from the changelog
        driver.close();
        start();
        KeyValueStore<String, SiteProfile> restored = driver.getKeyValueStore(EnrichTopology.SITE_PROFILES_STORE);
        assertThat(restored.get(SITE)).isNull();
        for (TestRecord<String, SiteProfile> r : logged) {
            restored.put(r.key(), r.value());
        }
        // a single new page after the restart is read with what was learnt before it
        pipe("jour-de-fete", "Jour de fête", "France, 1949, 87 min", T0.plusSeconds(600));
        assertThat(titles()).contains("Jour de fête");
        assertThat(restored.get(SITE).pageCount()).isEqualTo(4);
    }

    @Test
    void sitesNotFedForTheRetentionAreForgotten() {
        start();
        pipe("red-balloon", "The Red Balloon", "France, 1956, 34 min", T0);
        KeyValueStore<String, SiteProfile> store = driver.getKeyValueStore(EnrichTopology.SITE_PROFILES_STORE);
        assertThat(store.get(SITE)).isNotNull();
        driver.advanceWallClockTime(config.siteProfileRetention().plus(Duration.ofHours(2)));
        assertThat(store.get(SITE)).isNull();
    }
}
