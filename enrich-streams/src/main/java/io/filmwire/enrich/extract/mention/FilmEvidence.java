package io.filmwire.enrich.extract.mention;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmRecord.Credit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether what a page says of a work shows that it is a film, and why. A work becomes a film record
 * only with evidence: the page declares a schema.org Movie; a running time or credits in its
 * markup (labels, credit tables, fact lines); a year in its markup beside another film fact; prose
 * that credits a director, writer or cast; or, for an item of a listing of films, that listing.
 * A headline with a date and no such fact (a news story, a product page) is no film. Stateless.
 */
public final class FilmEvidence {

    private static final Set<String> FILM_ROLES = Set.of("director", "writer", "cast", "self", "cinematographer",
            "editor", "composer", "producer", "executive_producer", "production_designer");
    /** Roles that name a film's makers on their own; a writer or a producer alone may be an article's byline. */
    private static final Set<String> DECISIVE = Set.of("director", "cast", "self", "cinematographer", "editor",
            "composer", "production_designer");

    private static final java.util.regex.Pattern THE_FILM = java.util.regex.Pattern.compile(
            "(?iu)\\b(the|this|that|his|her|their|its) (new |latest |upcoming |first |second |next )?"
                    + "(film|movie|documentary|feature|picture|short)\\b");

    private FilmEvidence() {
    }

    /** A sentence speaks of this work when it names it, or says "the film". */
    public static boolean aboutTheWork(String sentence, String title) {
        if (sentence == null) {
            return false;
        }
        if (THE_FILM.matcher(sentence).find()) {
            return true;
        }
        String t = io.filmwire.enrich.extract.signals.Words.key(title);
        return !t.isEmpty() && io.filmwire.enrich.extract.signals.Words.containsWords(
                io.filmwire.enrich.extract.signals.Words.key(sentence), t);
    }

    /**
     * The reasons to believe the work is a film, as facts of layer and evidence; empty when there is none.
     *
     * @param declared   the page declares a film in its structured data (schema.org Movie, og:type video.movie)
     * @param listing    the work is an item of a listing of films, with that listing's evidence
     */
    public static List<Fact<String>> of(WorkFacts facts, String declared, String listing) {
        return of(facts, declared, listing, true);
    }

    /**
     * As {@link #of(WorkFacts, String, String)}; prose counts only when {@code filmContext} (the page
     * speaks of films at all).
     */
    public static List<Fact<String>> of(WorkFacts facts, String declared, String listing, boolean filmContext) {
        return of(facts, declared, listing, filmContext, false);
    }

    /**
     * As {@link #of(WorkFacts, String, String, boolean)}.
     *
     * @param ownText the facts were read from the work's own part of the page (a section or an item),
     *                so its sentences speak of it; a page's whole text may speak of anything, and there a
     *                prose credit counts only in a sentence that names the work or says "the film"
     */
    public static List<Fact<String>> of(WorkFacts facts, String declared, String listing, boolean filmContext,
                                        boolean ownText) {
        String title = facts.bestTitle().map(Fact::value).orElse(null);
        List<Fact<String>> why = new ArrayList<>();
        if (declared != null) {
            why.add(Fact.of("film", Layer.STRUCTURED, declared, 0.95));
        }
        boolean markupFact = false;
        for (Fact<Integer> r : facts.runtimes()) {
            if (r.layerEnum() != Layer.PROSE) {
                why.add(Fact.of("film", r.layerEnum(), "running time: " + r.evidence(), r.confidence()));
                markupFact = true;
                break;
            }
        }
        int markupCredits = 0;
        Fact<Credit> firstMarkup = null;
        Fact<Credit> firstProse = null;
        Set<String> markupRoles = new java.util.HashSet<>();
        for (Fact<Credit> c : facts.credits()) {
            if (!FILM_ROLES.contains(c.value().role())) {
                continue;
            }
            if (c.layerEnum() != Layer.PROSE) {
                markupCredits++;
                markupRoles.add(c.value().role());
                if (firstMarkup == null || DECISIVE.contains(c.value().role()) && !DECISIVE.contains(firstMarkup.value().role())) {
                    firstMarkup = c;
                }
            } else if (firstProse == null && c.value().role().equals("director")
                    && (ownText || aboutTheWork(c.evidence(), title))) {
                firstProse = c;
            }
        }
        boolean decisive = markupRoles.stream().anyMatch(DECISIVE::contains) || markupRoles.size() >= 2;
        if (firstMarkup != null && decisive) {
            why.add(Fact.of("film", firstMarkup.layerEnum(), markupCredits + " credit(s): " + firstMarkup.evidence(),
                    firstMarkup.confidence()));
            markupFact = true;
        }
        if (!markupFact) {
            Fact<Integer> year = facts.years().stream().filter(y -> y.layerEnum() == Layer.SEMI_STRUCTURED).findFirst()
                    .orElse(null);
            boolean other = !facts.languages().isEmpty() || !facts.ratings().isEmpty();
            if (year != null && other) {
                why.add(Fact.of("film", year.layerEnum(), "year with other facts: " + year.evidence(), year.confidence()));
            }
        }
        if (firstProse != null && filmContext) {
            why.add(Fact.of("film", Layer.PROSE, "prose credit: " + firstProse.evidence(), firstProse.confidence()));
        }
        for (Fact<Integer> y : facts.years()) {
            if (y.layerEnum() == Layer.PROSE) { // "X is a 2018 documentary film": a film whatever the page
                why.add(Fact.of("film", Layer.PROSE, "prose: " + y.evidence(), y.confidence()));
                break;
            }
        }
        if (listing != null) {
            why.add(Fact.of("film", Layer.SEMI_STRUCTURED, listing, 0.6));
        }
        return why;
    }
}
