package io.filmwire.enrich.reconcile;

import static io.filmwire.enrich.reconcile.Mentions.page;
import static io.filmwire.enrich.reconcile.Mentions.work;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.SchemaValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private final Reconciler reconciler = new Reconciler();
    private final ReconcileState state = ReconcileState.inMemory();
    private final Map<String, FilmRecord> published = new LinkedHashMap<>();
    private final List<Reconciler.Emission> emissions = new ArrayList<>();
    private int minute;

    private Reconciler.Result add(FilmMention... mentions) {
        String pageId = mentions[0].pageId();
        return keep(reconciler.applyPage(pageId, "https://" + pageId, List.of(mentions), T0.plusSeconds(60L * minute++), state));
    }

    private Reconciler.Result keep(Reconciler.Result result) {
        for (Reconciler.Emission e : result.emissions()) {
            emissions.add(e);
            if (e.record() == null) {
                published.remove(e.filmId());
            } else {
                assertThat(SchemaValidator.get().violations(MessageSchema.FILM_RECORD, e.record()))
                        .as("record of %s", e.filmId()).isEmpty();
                FilmRecord before = published.put(e.filmId(), e.record());
                assertThat(e.record().version()).isEqualTo(before == null ? 1 : before.version() + 1);
            }
        }
        return result;
    }

    private FilmRecord only() {
        assertThat(published).hasSize(1);
        return published.values().iterator().next();
    }

    /** The Little Pyongyang situation: three pages, one prose runtime that disagrees with two fact lines. */
    @Test
    void threePagesAboutOneFilmMakeOneRecordWithTheProseRuntimeInConflicts() {
        add(work("festival.example/lp", 0, "Little Pyongyang", Layer.SEMI_STRUCTURED)
                .director("Roxy Rezvany").credit("producer", "Matt Diegan").build());
        add(work("guide.example/lp", 0, "Little Pyongyang", Layer.SEMI_STRUCTURED).year(2018, Layer.SEMI_STRUCTURED)
                .runtime(24, Layer.SEMI_STRUCTURED, "24 min").rating(7.5, 10, 39).build(),
                work("guide.example/lp", 0, "Little Pyongyang", Layer.PROSE).year(2018, Layer.PROSE)
                        .runtime(55, Layer.PROSE, "The film, which runs for just under an hour").director("Roxy Rezvany").build());
        add(work("stream.example/lp", 0, "Little Pyongyang", Layer.SEMI_STRUCTURED).year(2018, Layer.SEMI_STRUCTURED)
                .runtime(24, Layer.SEMI_STRUCTURED, "Runtime 24 min").language("Korean").build());

        FilmRecord film = only();
        assertThat(film.id()).isEqualTo("film-little-pyongyang");
        assertThat(film.version()).isEqualTo(3);
        assertThat(film.runtimeMinutes()).isEqualTo(24);
        assertThat(film.year()).isEqualTo(2018);
        assertThat(film.sources()).extracting(FilmRecord.SourceRef::pageId)
                .containsExactly("festival.example/lp", "guide.example/lp", "stream.example/lp");
        FilmRecord.Conflict runtime = film.conflicts().get("runtimeMinutes");
        assertThat(runtime.chosen().asInt()).isEqualTo(24);
        assertThat(runtime.values()).extracting(v -> v.value().asInt()).containsExactly(24, 55);
        assertThat(runtime.values().get(0).pages()).containsExactly("guide.example/lp", "stream.example/lp");
        assertThat(runtime.values().get(1).pages()).containsExactly("guide.example/lp");
        assertThat(runtime.values().get(1).layer()).isEqualTo("prose");
        assertThat(film.provenance().get("runtimeMinutes")).extracting(FilmRecord.Evidence::pageId)
                .containsExactly("guide.example/lp", "stream.example/lp");
        assertThat(film.provenance().get("credits")).extracting(FilmRecord.Evidence::pageId)
                .contains("festival.example/lp", "guide.example/lp");
    }

    @Test
    void filmsOfOneTitleYearsApartStayApart() {
        add(page("a.example/rush-1991", "Rush").year(1991).director("Lili Fini Zanuck").build());
        add(page("a.example/rush-2013", "Rush").year(2013).director("Ron Howard").build());
        add(page("b.example/titanic", "Titanic").year(1953).director("Jean Negulesco").build());
        add(page("c.example/titanic", "Titanic").year(1997).director("James Cameron").build());
        add(page("d.example/rush", "Rush").year(2013).runtime(123).build());

        assertThat(published.keySet()).containsExactlyInAnyOrder("film-rush-1991", "film-rush-2013",
                "film-titanic-1953", "film-titanic-1997");
        assertThat(published.get("film-rush-2013").sources()).hasSize(2);
        assertThat(published.get("film-rush-2013").runtimeMinutes()).isEqualTo(123);
        assertThat(published.get("film-rush-1991").sources()).hasSize(1);
    }

    @Test
    void differentDirectorsOfTheSameTitleAndYearAreTwoFilmsWithTwoIds() {
        add(page("a.example/crash", "Crash").year(2004).director("Paul Haggis").build());
        add(page("b.example/crash", "Crash").year(2004).director("Someone Else").build());

        assertThat(published.keySet()).containsExactly("film-crash-2004", "film-crash-2004-someone-else");
    }

    @Test
    void aPageWithALocalisedTitleJoinsThroughItsAlias() {
        add(page("imdb.example/tt0110912", "Pulp Fiction").year(1994).director("Quentin Tarantino").build());
        add(page("imdb.es/tt0110912", "Tiempos violentos").alias("Pulp Fiction").year(1994)
                .director("Quentin Tarantino").runtime(154).build());

        FilmRecord film = only();
        assertThat(film.id()).isEqualTo("film-pulp-fiction-1994");
        assertThat(film.title()).isEqualTo("Pulp Fiction");
        assertThat(film.aliases()).containsExactly("Tiempos violentos");
        assertThat(film.conflicts()).doesNotContainKey("title");
        assertThat(film.runtimeMinutes()).isEqualTo(154);
    }

    @Test
    void aPageNamingTwoRecordsAsOneFilmMergesThemAndTombstonesTheYoungerId() {
        add(page("imdb.es/tt0110912", "Tiempos violentos").year(1994).director("Quentin Tarantino").build());
        add(page("site.example/pulp", "Pulp Fiction").year(1994).runtime(154).build());
        assertThat(published.keySet()).containsExactly("film-tiempos-violentos-1994", "film-pulp-fiction-1994");

        Reconciler.Result result = add(page("wiki.example/pulp", "Pulp Fiction").alias("Tiempos violentos")
                .year(1994).director("Quentin Tarantino").build());

        assertThat(result.merges()).isEqualTo(1);
        assertThat(published.keySet()).containsExactly("film-tiempos-violentos-1994");
        FilmRecord film = only();
        assertThat(film.mergedFrom()).containsExactly("film-pulp-fiction-1994");
        assertThat(film.sources()).hasSize(3);
        assertThat(film.runtimeMinutes()).isEqualTo(154);
        Reconciler.Emission tombstone = result.emissions().get(result.emissions().size() - 1);
        assertThat(tombstone.filmId()).isEqualTo("film-pulp-fiction-1994");
        assertThat(tombstone.record()).isNull();
        assertThat(tombstone.mergedInto()).isEqualTo("film-tiempos-violentos-1994");
        assertThat(tombstone.cause().pageId()).isEqualTo("wiki.example/pulp");
        assertThat(state.film("film-pulp-fiction-1994").mergedInto()).isEqualTo("film-tiempos-violentos-1994");

        // a later page under the absorbed title finds the survivor
        add(page("other.example/pulp", "Pulp Fiction").year(1994).build());
        assertThat(only().sources()).hasSize(4);
        assertThat(only().version()).isEqualTo(3);
    }

    @Test
    void anAliasSharedByTwoPagesLinksNothingByItself() {
        add(page("a.example/x", "Gaslight").alias("See more").build());
        add(page("b.example/y", "Uncle Buck").alias("See more").build());
        add(page("c.example/z", "Waar").alias("See more").year(2013).build());

        assertThat(published.keySet()).containsExactly("film-gaslight", "film-uncle-buck", "film-waar-2013");
        assertThat(published.get("film-uncle-buck").sources()).hasSize(1);
    }

    @Test
    void aMergedAwayIdIsNeverGivenToAnotherFilm() {
        add(page("a.example/x", "Tiempos violentos").year(1994).build());
        add(page("b.example/x", "Pulp Fiction").year(1994).build());
        add(page("c.example/x", "Pulp Fiction").alias("Tiempos violentos").year(1994).build());
        // the absorbed id stays a marker; a new, different "Pulp Fiction" of 1994 gets another id
        add(page("d.example/x", "Pulp Fiction").year(1994).director("Someone Else").build());

        assertThat(published).containsKey("film-tiempos-violentos-1994");
        assertThat(published.keySet()).doesNotContain("film-pulp-fiction-1994");
    }

    @Test
    void aPageUpdatedInPlaceReplacesItsFactsAndARefetchChangesNothing() {
        add(page("a.example/up", "Up Is Down").year(1969).runtime(5).build());
        add(page("a.example/up", "Up Is Down").year(1969).runtime(6).build());
        Reconciler.Result again = add(page("a.example/up", "Up Is Down").year(1969).runtime(6).build());

        assertThat(emissions).extracting(e -> e.record().runtimeMinutes()).containsExactly(5, 6);
        assertThat(again.emissions()).isEmpty();
        assertThat(only().conflicts()).doesNotContainKey("runtimeMinutes");
        assertThat(only().sources()).hasSize(1);
    }

    @Test
    void aPageThatNoLongerMentionsAFilmTakesItsFactsAwayAndALastPageGoneDeletesTheFilm() {
        add(page("a.example/list", "Dear Pyongyang").year(2005).build(),
                work("a.example/list", 1, "The Red Chapel", Layer.SEMI_STRUCTURED).year(2009).build());
        add(page("b.example/rc", "The Red Chapel").year(2009).runtime(88).build());
        assertThat(published).hasSize(2);

        Reconciler.Result result = keep(reconciler.applyPage("a.example/list", "https://a.example/list",
                List.of(page("a.example/list", "Dear Pyongyang").year(2005).build()), T0.plusSeconds(600), state));

        assertThat(published.get("film-the-red-chapel-2009").sources()).extracting(FilmRecord.SourceRef::pageId)
                .containsExactly("b.example/rc");
        assertThat(result.emissions()).extracting(Reconciler.Emission::filmId).containsExactly("film-the-red-chapel-2009");

        Reconciler.Result gone = keep(reconciler.applyPage("a.example/list", null, List.of(), T0.plusSeconds(700), state));
        assertThat(gone.emissions()).singleElement().satisfies(e -> {
            assertThat(e.filmId()).isEqualTo("film-dear-pyongyang-2005");
            assertThat(e.record()).isNull();
            assertThat(e.mergedInto()).isNull();
        });
        assertThat(state.film("film-dear-pyongyang-2005")).isNull();
        assertThat(state.filmsTitled("dear pyongyang")).isEmpty();
    }

    @Test
    void anOverrideBeatsEveryExtractedValueSurvivesLaterPagesUntilRemoved() {
        add(page("a.example/lp", "Little Pyongyang").year(2018).runtime(24).build());
        String id = only().id();
        FilmOverrides set = new FilmOverrides(id, Map.of("runtimeMinutes",
                new FilmOverrides.FieldOverride(IntNode.valueOf(25), "ed", "festival cut is 25 min", T0)));
        Reconciler.Result overridden = keep(reconciler.applyOverrides(id, set, T0.plusSeconds(30), state));

        assertThat(overridden.emissions()).singleElement()
                .satisfies(e -> assertThat(e.cause().override()).isEqualTo("ed: festival cut is 25 min (runtimeMinutes)"));
        assertThat(only().runtimeMinutes()).isEqualTo(25);
        assertThat(only().provenance().get("runtimeMinutes")).singleElement()
                .satisfies(e -> assertThat(e.layer()).isEqualTo("override"));
        assertThat(only().conflicts().get("runtimeMinutes").values()).extracting(v -> v.value().asInt())
                .containsExactly(25, 24);

        add(page("b.example/lp", "Little Pyongyang").year(2018).runtime(24).build());
        assertThat(only().runtimeMinutes()).isEqualTo(25);
        assertThat(only().sources()).hasSize(2);

        keep(reconciler.applyOverrides(id, null, T0.plusSeconds(900), state));
        assertThat(only().runtimeMinutes()).isEqualTo(24);
        assertThat(only().conflicts()).doesNotContainKey("runtimeMinutes");
        assertThat(emissions.get(emissions.size() - 1).cause().override()).isEqualTo("override of runtimeMinutes removed");
    }

    @Test
    void anInvalidOverrideIsLeftOutAndTheValidOnesApply() {
        add(page("a.example/gaslight", "Gaslight").year(1944).build());
        FilmOverrides set = new FilmOverrides("film-gaslight-1944", Map.of(
                "year", new FilmOverrides.FieldOverride(JsonNodeFactory.instance.textNode("nineteen"), "ed", "typo", T0),
                "runtimeMinutes", new FilmOverrides.FieldOverride(IntNode.valueOf(114), "ed", "from the print", T0)));
        keep(reconciler.applyOverrides("film-gaslight-1944", set, T0, state));

        assertThat(only().year()).isEqualTo(1944);
        assertThat(only().runtimeMinutes()).isEqualTo(114);
    }

    @Test
    void overridesForAFilmNotYetSeenWaitForIt() {
        FilmOverrides set = new FilmOverrides("film-waar-2013", Map.of("runtimeMinutes",
                new FilmOverrides.FieldOverride(IntNode.valueOf(130), "ed", "checked", T0)));
        assertThat(reconciler.applyOverrides("film-waar-2013", set, T0, state).emissions()).isEmpty();

        add(page("a.example/waar", "Waar").year(2013).runtime(129).build());
        assertThat(only().runtimeMinutes()).isEqualTo(130);
    }

    @Test
    void aFilmKeepsItsMostInformativeMentionsUpToTheCap() {
        Reconciler capped = new Reconciler(2);
        capped.applyPage("a.example/h", null, List.of(page("a.example/h", "Host").year(2020).runtime(57)
                .director("Rob Savage").build()), T0, state);
        capped.applyPage("b.example/h", null, List.of(work("b.example/h", 0, "Host", Layer.PROSE).build()),
                T0.plusSeconds(1), state);
        Reconciler.Result third = capped.applyPage("c.example/h", null, List.of(page("c.example/h", "Host").year(2020)
                .build()), T0.plusSeconds(2), state);

        assertThat(third.evicted()).isEqualTo(1);
        FilmState film = state.film("film-host-2020");
        assertThat(film.mentionKeys()).containsExactly("a.example/h#0", "c.example/h#0");
        assertThat(state.mention("b.example/h#0")).isNull();
        assertThat(state.pageFilms("b.example/h")).isEmpty();
    }

    @Test
    void theSamePagesInTheSameOrderGiveTheSameIds() {
        List<List<FilmMention>> pages = List.of(
                List.of(page("a.example/1", "Rush").year(2013).director("Ron Howard").build()),
                List.of(page("a.example/2", "Rush").year(2013).director("Someone Else").build()),
                List.of(page("a.example/3", "رستگاری در شاوشنک").year(1994).build()),
                List.of(page("a.example/4", "Tiempos violentos").year(1994).build(),
                        work("a.example/4", 1, "Pulp Fiction", Layer.PROSE).year(1994).build()));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (List<String> ids : List.of(first, second)) {
            ReconcileState fresh = ReconcileState.inMemory();
            for (List<FilmMention> p : pages) {
                reconciler.applyPage(p.get(0).pageId(), null, p, T0, fresh).emissions()
                        .forEach(e -> ids.add(e.filmId()));
            }
        }
        assertThat(first).isEqualTo(second).hasSize(5).allMatch(id -> id.matches("film-[a-z0-9-]+"));
    }

    @Test
    void aMentionWithoutAUsableTitleIsCountedNotReconciled() {
        Reconciler.Result result = add(page("a.example/x", "!!!").year(2000).build());
        assertThat(result.skippedMentions()).isEqualTo(1);
        assertThat(published).isEmpty();
    }
}
