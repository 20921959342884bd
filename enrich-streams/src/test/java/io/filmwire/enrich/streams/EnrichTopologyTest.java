package io.filmwire.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.filmwire.common.Settings;
import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.enrich.dedup.PageSignature;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.enrich.reconcile.FilmState;
import io.filmwire.enrich.reconcile.Mentions;
import io.filmwire.enrich.reconcile.ReconcileState;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.SchemaValidator;
import io.filmwire.schema.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production topology and config on {@link TopologyTestDriver}. Reconciliation and deduplication
 * are driven with scripted extraction (the works of each page are given by the test), so they are
 * tested apart from what the extractors find; one test runs the production analyzer end to end.
 */
class EnrichTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    /** An article long enough (over 300 letters) to be compared with other pages. */
    private static final String ARTICLE = "Joong-wha Choi, a former soldier in North Korea, lives today with his wife and "
            + "children in a sleepy London suburb, home to the biggest North Korean community in Europe. Despite the new "
            + "found comforts of his British life he wants to return to the land that betrayed him. He reflects on why he "
            + "left and on his days over several months, in a portrait of loss, longing and the slow work of healing.";

    @TempDir
    Path stateDir;

    private final Map<String, List<FilmMention>> script = new HashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestInputTopic<String, byte[]> overrides;
    private TestOutputTopic<String, CleanPage> clean;
    private TestOutputTopic<String, FilmRecord> films;
    private TestOutputTopic<String, DlqEntry> dlq;

    private void start(boolean scripted) {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of("bootstrap.servers", "unused:9092")), stateDir);
        EnrichMetrics metrics = new EnrichMetrics(registry);
        driver = scripted
                ? new TopologyTestDriver(EnrichTopology.build(config, () -> new PageAnalyzer(new ArticleCleaner(),
                        page -> script.getOrDefault(page.raw().pageId(), List.of())), metrics),
                        EnrichStreamsApp.streamsProperties(config), T0)
                : new TopologyTestDriver(EnrichTopology.build(config), EnrichStreamsApp.streamsProperties(config), T0);
        raw = driver.createInputTopic(Topics.PAGES_RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        overrides = driver.createInputTopic(Topics.FILMS_OVERRIDES.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        clean = driver.createOutputTopic(Topics.PAGES_CLEAN.name(), Serdes.String().deserializer(),
                Topics.PAGES_CLEAN.valueSerde().deserializer());
        films = driver.createOutputTopic(Topics.FILMS_RECONCILED.name(), Serdes.String().deserializer(),
                Topics.FILMS_RECONCILED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.PAGES_DLQ.name(), Serdes.String().deserializer(),
                Topics.PAGES_DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    private static RawPage page(String url, String html) {
        return new RawPage(url, url, "test", RawPage.HTML, null, T0, null, html);
    }

    private static String html(String title, String nav, String body) {
        return "<html><head><title>" + title + "</title></head><body><div class=\"menu\">" + nav + "</div>"
                + "<article><h1>" + title + "</h1><p>" + body + "</p></article></body></html>";
    }

    private static String movieHtml(String name, String date, String duration, String body) {
        return "<html><head><title>" + name + " - Example Films</title><script type=\"application/ld+json\">"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"Movie\",\"name\":\"" + name + "\",\"datePublished\":\""
                + date + "\",\"duration\":\"" + duration + "\"}</script></head><body><nav>Home | Films</nav>"
                + "<article><h1>" + name + "</h1><p>" + body + "</p></article></body></html>";
    }

    /** Pipes a page whose extraction finds {@code works}. */
    private void pipe(String url, String html, Instant at, Mentions... works) {
        script.put(url, java.util.Arrays.stream(works).map(Mentions::build).toList());
        pipe(page(url, html), at);
    }

    private void pipe(RawPage page, Instant at) {
        raw.pipeInput(page.pageId(), Json.write(page).getBytes(StandardCharsets.UTF_8), at);
    }

    private void override(String filmId, FilmOverrides value, Instant at) {
        overrides.pipeInput(filmId, value == null ? null : Json.write(value).getBytes(StandardCharsets.UTF_8), at);
    }

    private double counter(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    @Test
    void aPageBecomesACleanArticleAndAValidFilmRecordWithTheProductionAnalyzer() {
        start(false);
        pipe(page("https://films.example/gaslight", movieHtml("Gaslight", "1944-05-04", "PT1H54M",
                "A thriller about a house and a husband.")), T0);

        CleanPage article = clean.readValue();
        assertThat(article.pageId()).isEqualTo("https://films.example/gaslight");
        assertThat(article.text()).contains("A thriller about a house").doesNotContain("Home | Films");

        TestRecord<String, FilmRecord> out = films.readRecord();
        FilmRecord film = out.value();
        assertThat(out.key()).isEqualTo(film.id()).isEqualTo("film-gaslight-1944");
        assertThat(film.title()).isEqualTo("Gaslight");
        assertThat(film.runtimeMinutes()).isEqualTo(114);
        assertThat(film.version()).isEqualTo(1);
        assertThat(SchemaValidator.get().violations(MessageSchema.FILM_RECORD, film)).isEmpty();
        assertThat(RecordHeaders.text(out.headers(), RecordHeaders.CAUSE_PAGE)).isEqualTo("https://films.example/gaslight");
        assertThat(dlq.isEmpty()).isTrue();

        KeyValueStore<String, FilmState> states = driver.getKeyValueStore(EnrichTopology.FILMS_STORE);
        assertThat(states.get(film.id()).version()).isEqualTo(1);
    }

    @Test
    void aCorruptMessageGoesToTheDeadLetterTopicAndTheNextPageStillFlows() {
        start(false);
        raw.pipeInput("garbage", new byte[] {(byte) 0xff, '{', 'x'}, T0);
        pipe(page("https://films.example/rush", movieHtml("Rush", "2013-09-13", "PT2H3M", "Formula One.")), T0);

        DlqEntry first = dlq.readValue();
        assertThat(first.stage()).isEqualTo("validate");
        assertThat(first.inputBytes()).containsExactly((byte) 0xff, '{', 'x');
        assertThat(films.readValuesToList()).extracting(FilmRecord::title).containsExactly("Rush");
    }

    @Test
    void aBinaryBodyAKeyThatIsNotThePageIdAndAKeyNamedTwiceAreDeadLetters() {
        start(false);
        StringBuilder binary = new StringBuilder("<html><body>");
        for (int i = 0; i < 400; i++) {
            binary.append((char) (1 + i % 8)).append('A');
        }
        pipe(page("https://films.example/binary", binary.toString()), T0);
        RawPage other = page("https://films.example/key", movieHtml("Keyed", "2001-01-01", "PT1H", "A film."));
        raw.pipeInput("https://films.example/not-the-key", Json.write(other).getBytes(StandardCharsets.UTF_8), T0);
        String twice = Json.write(other).replaceFirst("\\{", "{\"body\":\"<p>first</p>\",");
        raw.pipeInput(other.pageId(), twice.getBytes(StandardCharsets.UTF_8), T0);
        pipe(page("https://films.example/rush", movieHtml("Rush", "2013-09-13", "PT2H3M", "Formula One.")), T0);

        List<DlqEntry> dead = dlq.readValuesToList();
        assertThat(dead).extracting(DlqEntry::code).containsExactly("binary-body", "key-mismatch", "duplicate-key");
        assertThat(dead).extracting(DlqEntry::stage).containsOnly("validate");
        assertThat(dead.get(1).reason()).contains("not-the-key");
        assertThat(films.readValuesToList()).extracting(FilmRecord::title).containsExactly("Rush");
    }

    @Test
    void pagesAboutOneFilmArrivingOverTimeRaiseTheVersionAndKeepEveryPage() {
        start(true);
        pipe("https://a.example/lp", html("Little Pyongyang", "Home", "A festival page."), T0,
                Mentions.page("https://a.example/lp", "Little Pyongyang").director("Roxy Rezvany"));
        pipe("https://b.example/lp", html("Little Pyongyang", "Home", "A streaming guide."), T0.plusSeconds(60),
                Mentions.page("https://b.example/lp", "Little Pyongyang").year(2018).runtime(24).director("Roxy Rezvany"));
        pipe("https://c.example/lp", html("Little Pyongyang", "Home", "A magazine piece."), T0.plusSeconds(120),
                Mentions.page("https://c.example/lp", "Little Pyongyang").year(2018).runtime(24).language("Korean"));

        List<TestRecord<String, FilmRecord>> out = films.readRecordsToList();
        assertThat(out).extracting(r -> r.value().version()).containsExactly(1L, 2L, 3L);
        assertThat(out).extracting(TestRecord::key).containsOnly("film-little-pyongyang");
        assertThat(out).extracting(r -> RecordHeaders.text(r.headers(), RecordHeaders.CAUSE_PAGE))
                .containsExactly("https://a.example/lp", "https://b.example/lp", "https://c.example/lp");
        FilmRecord last = out.get(2).value();
        assertThat(last.sources()).hasSize(3);
        assertThat(last.languages()).containsExactly("Korean");

        KeyValueStore<String, FilmState> states = driver.getKeyValueStore(EnrichTopology.FILMS_STORE);
        assertThat(states.get("film-little-pyongyang").mentionKeys()).hasSize(3);
        KeyValueStore<String, ReconcileState.FilmIdList> titles = driver.getKeyValueStore(EnrichTopology.TITLES_STORE);
        assertThat(titles.get("little pyongyang").ids()).containsExactly("film-little-pyongyang");
        assertThat(counter("filmwire.enrich.dedup.pages", "verdict", "new")).isEqualTo(3);
    }

    @Test
    void anOlderVersionOfAPageArrivingLateIsStaleAndDoesNotRollItsFilmBack() {
        start(true);
        String url = "https://a.example/runtime";
        Instant newer = T0.plusSeconds(3600);
        script.put(url, List.of(Mentions.page(url, "Runtime Film").year(2010).runtime(120).build()));
        pipe(new RawPage(url, url, "test", RawPage.HTML, newer, newer, null,
                html("Runtime Film", "Home", "The second version of the page, with the longer cut.")), newer);
        FilmRecord taken = films.readValue();
        assertThat(taken.runtimeMinutes()).isEqualTo(120);

        // the first version (fetched earlier), replayed or late: dropped, the film stays as it is
        script.put(url, List.of(Mentions.page(url, "Runtime Film").year(2010).runtime(100).build()));
        pipe(new RawPage(url, url, "test", RawPage.HTML, T0, T0, null,
                html("Runtime Film", "Home", "The first version of the page.")), T0.plusSeconds(7200));
        assertThat(films.isEmpty()).as("no new version of the film").isTrue();
        assertThat(counter("filmwire.enrich.dedup.pages", "verdict", "stale")).isEqualTo(1);
        KeyValueStore<String, FilmState> states = driver.getKeyValueStore(EnrichTopology.FILMS_STORE);
        assertThat(states.get(taken.id()).version()).isEqualTo(taken.version());

        // a newer version still updates it
        script.put(url, List.of(Mentions.page(url, "Runtime Film").year(2010).runtime(125).build()));
        Instant newest = T0.plusSeconds(9000);
        pipe(new RawPage(url, url, "test", RawPage.HTML, newest, newest, null,
                html("Runtime Film", "Home", "The third version of the page, the director's cut.")), newest);
        assertThat(films.readValue().runtimeMinutes()).isEqualTo(125);
    }

    @Test
    void aCopyOfAnArticleUnderAnotherUrlIsADuplicateAndChangesNoRecord() {
        start(true);
        pipe("https://a.example/lp", html("Little Pyongyang", "Home | Films", ARTICLE), T0,
                Mentions.page("https://a.example/lp", "Little Pyongyang").year(2018).runtime(24));
        FilmRecord before = films.readValue();

        pipe("https://mirror.example/lp?id=7", html("Little Pyongyang", "Start | Reviews | Trailers | Sign in",
                        ARTICLE.replace(". ", ".   ") + " Sponsored: stream films free for thirty days."), T0.plusSeconds(60),
                Mentions.page("https://mirror.example/lp?id=7", "Little Pyongyang").year(2019).runtime(25));

        assertThat(films.isEmpty()).isTrue();
        assertThat(counter("filmwire.enrich.dedup.pages", "verdict", "duplicate")).isEqualTo(1);
        WindowStore<String, PageSignature> pages = driver.getWindowStore(EnrichTopology.DEDUP_PAGES_STORE);
        try (WindowStoreIterator<PageSignature> it = pages.backwardFetch("https://mirror.example/lp?id=7", 0L, Long.MAX_VALUE)) {
            assertThat(it.next().value.duplicateOf()).isEqualTo("https://a.example/lp");
        }
        KeyValueStore<String, FilmState> states = driver.getKeyValueStore(EnrichTopology.FILMS_STORE);
        assertThat(states.get(before.id()).version()).isEqualTo(1);
        assertThat(states.get(before.id()).mentionKeys()).containsExactly("https://a.example/lp#0");
    }

    @Test
    void aPageWithNoArticleIsADuplicateOfThePageWithItsContentAndNotOfAnotherFilmOfItsSite() {
        start(true);
        java.util.function.BiFunction<String, String, String> head = (name, nav) -> "<html><head><title>" + name
                + " - Example Films</title><script type=\"application/ld+json\">{\"@type\":\"Movie\",\"name\":\"" + name
                + "\"}</script></head><body><nav>" + nav + "</nav></body></html>";
        pipe("https://a.example/fb", head.apply("Ferris Bueller's Day Off (1986)", "Home | Films"), T0,
                Mentions.page("https://a.example/fb", "Ferris Bueller's Day Off").year(1986));
        pipe("https://a.example/bc", head.apply("The Breakfast Club (1985)", "Home | Films"), T0.plusSeconds(10),
                Mentions.page("https://a.example/bc", "The Breakfast Club").year(1985));
        pipe("https://mirror.example/fb?utm_source=feed", head.apply("Ferris Bueller's Day Off (1986)", "Start | Reviews | Sign in")
                        .replace("<title>Ferris Bueller's", "<title>Ferris Bueller&#39;s")
                        .replace("</body>", "<footer>Mirror Media</footer></body>"),
                T0.plusSeconds(20), Mentions.page("https://mirror.example/fb?utm_source=feed", "Ferris Bueller's Day Off").year(1986));

        assertThat(counter("filmwire.enrich.dedup.pages", "verdict", "new")).isEqualTo(2);
        assertThat(counter("filmwire.enrich.dedup.pages", "verdict", "duplicate")).isEqualTo(1);
        WindowStore<String, PageSignature> pages = driver.getWindowStore(EnrichTopology.DEDUP_PAGES_STORE);
        try (WindowStoreIterator<PageSignature> it = pages.backwardFetch("https://mirror.example/fb?utm_source=feed", 0L,
                Long.MAX_VALUE)) {
            PageSignature copy = it.next().value;
            assertThat(copy.duplicateOf()).isEqualTo("https://a.example/fb");
            assertThat(copy.page()).as("the page's fingerprints came with the digest").isNotNull();
        }
    }

    @Test
    void theSameUrlFetchedAgainIsARefetchAndWithChangedContentAnUpdate() {
        start(true);
        pipe("https://a.example/up", html("Up Is Down", "Home", ARTICLE), T0,
                Mentions.page("https://a.example/up", "Up Is Down").year(1969).runtime(5));
        pipe("https://a.example/up", html("Up Is Down", "Other menu", ARTICLE), T0.plusSeconds(5),
                Mentions.page("https://a.example/up", "Up Is Down").year(1969).runtime(5));
        pipe("https://a.example/up", html("Up Is Down", "Home", ARTICLE + " Corrected: it runs six minutes."),
                T0.plusSeconds(10), Mentions.page("https://a.example/up", "Up Is Down").year(1969).runtime(6));

        assertThat(films.readValuesToList()).extracting(FilmRecord::runtimeMinutes).containsExactly(5, 6);
        assertThat(counter("filmwire.enrich.dedup.pages", "verdict", "refetch")).isEqualTo(1);
        assertThat(counter("filmwire.enrich.dedup.pages", "verdict", "update")).isEqualTo(1);
    }

    @Test
    void filmsWithTheSameTitleButYearsApartStayApart() {
        start(true);
        pipe("https://a.example/t1", html("Titanic", "Home", "An ocean liner."), T0,
                Mentions.page("https://a.example/t1", "Titanic").year(1953));
        pipe("https://a.example/t2", html("Titanic", "Home", "Another ocean liner."), T0,
                Mentions.page("https://a.example/t2", "Titanic").year(1997));

        assertThat(films.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("film-titanic-1953", "film-titanic-1997");
    }

    @Test
    void aPageShowingTwoRecordsAreOneFilmMergesThemAndTombstonesTheAbsorbedId() {
        start(true);
        pipe("https://es.example/tv", html("Tiempos violentos", "Inicio", "Una película."), T0,
                Mentions.page("https://es.example/tv", "Tiempos violentos").year(1994).director("Quentin Tarantino"));
        pipe("https://en.example/pf", html("Pulp Fiction", "Home", "A film."), T0.plusSeconds(60),
                Mentions.page("https://en.example/pf", "Pulp Fiction").year(1994).runtime(154));
        films.readRecordsToList();

        pipe("https://wiki.example/pf", html("Pulp Fiction", "Home", "A film also known as Tiempos violentos."),
                T0.plusSeconds(120), Mentions.page("https://wiki.example/pf", "Pulp Fiction").alias("Tiempos violentos")
                        .year(1994).director("Quentin Tarantino"));

        List<TestRecord<String, FilmRecord>> out = films.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("film-tiempos-violentos-1994", "film-pulp-fiction-1994");
        assertThat(out.get(0).value().mergedFrom()).containsExactly("film-pulp-fiction-1994");
        assertThat(out.get(0).value().sources()).hasSize(3);
        assertThat(out.get(1).value()).isNull();
        assertThat(RecordHeaders.text(out.get(1).headers(), RecordHeaders.MERGED_INTO)).isEqualTo("film-tiempos-violentos-1994");
        assertThat(RecordHeaders.text(out.get(1).headers(), RecordHeaders.CAUSE_PAGE)).isEqualTo("https://wiki.example/pf");
        assertThat(counter("filmwire.enrich.films.merges")).isEqualTo(1);
    }

    @Test
    void anOverrideOnFilmsOverridesBeatsExtractionAndSurvivesALaterPageUntilRemoved() {
        start(true);
        pipe("https://a.example/waar", html("Waar", "Home", "An action film."), T0,
                Mentions.page("https://a.example/waar", "Waar").year(2013).runtime(129));
        films.readRecordsToList();

        override("film-waar-2013", new FilmOverrides("film-waar-2013", Map.of("runtimeMinutes",
                new FilmOverrides.FieldOverride(IntNode.valueOf(130), "editor-ann", "checked the DVD", T0))), T0.plusSeconds(10));
        TestRecord<String, FilmRecord> overridden = films.readRecord();
        assertThat(overridden.value().runtimeMinutes()).isEqualTo(130);
        assertThat(overridden.value().version()).isEqualTo(2);
        assertThat(RecordHeaders.text(overridden.headers(), RecordHeaders.CAUSE_OVERRIDE))
                .isEqualTo("editor-ann: checked the DVD (runtimeMinutes)");

        pipe("https://b.example/waar", html("Waar", "Home", "Another page."), T0.plusSeconds(20),
                Mentions.page("https://b.example/waar", "Waar").year(2013).runtime(129));
        FilmRecord later = films.readValue();
        assertThat(later.runtimeMinutes()).isEqualTo(130);
        assertThat(later.sources()).hasSize(2);
        assertThat(later.version()).isEqualTo(3);

        override("film-waar-2013", null, T0.plusSeconds(30));
        assertThat(films.readValue().runtimeMinutes()).isEqualTo(129);
        assertThat(driver.getKeyValueStore(EnrichTopology.OVERRIDES_STORE).get("film-waar-2013")).isNull();
    }

    @Test
    void aCorruptOverrideGoesToTheDeadLetterTopic() {
        start(true);
        overrides.pipeInput("film-x", "{\"filmId\":\"film-y\",\"fields\":{}}".getBytes(StandardCharsets.UTF_8), T0);
        overrides.pipeInput("film-x", "not json".getBytes(StandardCharsets.UTF_8), T0);

        List<KeyValue<String, DlqEntry>> dead = dlq.readKeyValuesToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).value.stage()).isEqualTo("reconcile");
        assertThat(dead.get(0).value.reason()).contains("film-y");
        assertThat(dead.get(1).value.reason()).contains("JSON");
        assertThat(films.isEmpty()).isTrue();
    }
}
