package io.filmwire.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.extract.facts.FactReader;
import io.filmwire.enrich.extract.mention.FilmEvidence;
import io.filmwire.enrich.extract.prose.Nlp;
import io.filmwire.enrich.extract.semi.WikitextInfobox;
import io.filmwire.enrich.extract.signals.PageSignals;
import io.filmwire.enrich.extract.signals.PageSignals.TitleSource;
import io.filmwire.enrich.extract.signals.Words;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.enrich.extract.structured.JsonLd;
import io.filmwire.enrich.extract.structured.StructuredExtractor;
import io.filmwire.enrich.extract.structured.Titles;
import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.works.Headings;
import io.filmwire.enrich.extract.works.Listings;
import io.filmwire.enrich.extract.works.Section;
import io.filmwire.enrich.extract.works.TextSections;
import io.filmwire.enrich.extract.works.TitleFinder;
import io.filmwire.enrich.extract.works.TitleVote;
import io.filmwire.enrich.extract.works.WorkSplitter;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.enrich.page.PageContext;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.FilmRecord.Credit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The production extractor. A page is read in four steps, one package each:
 * <ol>
 * <li>{@code signals}: everything the page shows, gathered once ({@link PageSignals}), and what its
 *     site's profile has learnt of the site's template ({@link SiteProfile});</li>
 * <li>{@code works}: which works the page describes and their titles: several schema.org Movies;
 *     one work titled by agreement of the page's signals ({@link TitleVote}); the items of a listing
 *     of films ({@link Listings}); the films of an article's sections ({@link WorkSplitter});</li>
 * <li>{@code facts}: each work's facts from its own part of the page ({@link FactReader});</li>
 * <li>{@code mention}: a mention for each work that shows it is a film ({@link FilmEvidence}), with
 *     that evidence.</li>
 * </ol>
 * {@link #read} returns the decisions as well ({@link Reading}), for {@code extract --explain}.
 * Never throws on a malformed page. Not thread-safe (OpenNLP taggers): one instance per thread.
 */
public final class PageExtractor implements FilmExtractor {

    /** What the extractor decided about a page, and why. */
    public record Reading(String kind, List<TitleVote.Candidate> titleCandidates, List<WorkReading> works,
                          List<FilmMention> mentions, List<String> notes) {
    }

    /** One work found on a page: its title, where it came from, its facts and whether it is published. */
    public record WorkReading(String title, String source, boolean published, List<Fact<String>> evidence,
                              FilmMention mention) {
    }

    private final Nlp nlp = new Nlp();
    private final FactReader reader = new FactReader(nlp);
    private final TitleFinder titleFinder = new TitleFinder(nlp);
    private final WikitextInfobox wikitext = new WikitextInfobox();

    @Override
    public List<FilmMention> extract(PageContext page) {
        return read(page).mentions();
    }

    /** The page's works and mentions, with the decisions that led to them. */
    public Reading read(PageContext page) {
        PageSignals signals = page.signals();
        SiteProfile profile = page.profile();
        if (page.isHtml()) {
            try {
                return html(page, signals, profile);
            } finally {
                reader.forget();
            }
        }
        String text = page.raw().body();
        if (WikitextInfobox.applies(text)) {
            WorkFacts facts = new WorkFacts();
            wikitext.extract(text, facts);
            tidyTitles(facts);
            Builder b = new Builder(page, "wikitext page");
            b.add(facts, null, "wikitext infobox", null);
            return b.reading(List.of());
        }
        return plainText(page, text);
    }

    private Reading html(PageContext page, PageSignals signals, SiteProfile profile) {
        // several films in the structured data: one work each, from its own object
        List<JsonNode> movies = distinctMovies(signals.movies());
        if (movies.size() >= 2) {
            Builder b = new Builder(page, "structured list of " + movies.size() + " films");
            for (JsonNode movie : movies) {
                WorkFacts facts = reader.movie(movie);
                tidyTitles(facts);
                b.add(facts, null, "schema.org Movie " + JsonLd.text(movie.get("name")), "schema.org Movie");
            }
            return b.reading(List.of());
        }
        Element body = page.document().body();
        Set<Element> skipped = identitySet();
        skipped.addAll(signals.chrome());
        for (Map.Entry<Element, Long> e : signals.blockHashes().entrySet()) {
            if (profile.isTemplate(e.getValue()) && !isLabel(e.getKey())) {
                skipped.add(e.getKey());
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("site: " + signals.siteKey() + " (profile of " + profile.pageCount() + " pages); about films: "
                + (signals.filmContext() ? "yes" : "no"));
        int template = 0;
        for (Element e : skipped) {
            if (!signals.chrome().contains(e)) {
                template++;
                if (template <= 5) {
                    String t = e.text();
                    notes.add("site template left out: <" + e.normalName() + "> " + (t.length() > 80 ? t.substring(0, 80) + "…" : t));
                }
            }
        }
        if (template > 5) {
            notes.add("site template left out: " + template + " blocks in all");
        }
        // a page that declares its one film has no listing of films to find (its cast list is part of it)
        List<Listings.Listing> listings = body == null || signals.declaresMovie() && signals.movies().size() < 2
                ? List.of() : Listings.find(body, skipped::contains, signals.filmContext(), reader.factLines());
        for (Listings.Listing l : listings) {
            notes.add("listing " + l.signature() + ": " + l.items().size() + " items, " + l.withEvidence() + " with film facts");
        }
        Set<Element> listed = identitySet();
        for (Listings.Listing l : listings) {
            for (Listings.Item item : l.items()) {
                for (Node n : item.nodes()) {
                    if (n instanceof Element el) {
                        listed.add(el);
                    }
                }
            }
        }
        TitleVote.Result vote = TitleVote.vote(signals, profile,
                s -> s.element() != null && (inside(s.element(), skipped) || inside(s.element(), listed)));
        Set<Element> outside = identitySet();
        outside.addAll(skipped);
        outside.addAll(listed);
        TitleVote.Candidate best = vote.best();
        String declared = signals.declaresMovie() ? "the page declares a film (schema.org Movie or og:type video.movie)" : null;
        List<JsonNode> works = best == null ? List.of() : workObjects(signals, best.title());
        if (declared == null && !works.isEmpty() && signals.filmContext() && works.stream().allMatch(
                w -> JsonLd.types(w).stream().anyMatch(t -> t.endsWith("event")))) {
            declared = "a screening of it (schema.org " + JsonLd.text(works.get(0).get("@type")) + " '"
                    + JsonLd.text(works.get(0).get("name")) + "') on a page about films";
        }
        String mainTitle = best == null ? null : best.title();
        // a page that declares its film is about that film: its listings (cast lists) are part of it,
        // and one reading of the page serves; otherwise what it states outside its listings decides
        boolean oneFilm = declared != null && best != null;
        // on a page not about films a prose credit is no evidence: its sentences are tagged only for a work published
        boolean leaveProseCredits = !signals.filmContext();
        WorkFacts main = reader.page(page.document(), signals.jsonLd(), oneFilm ? skipped : outside,
                page.clean().text(), mainTitle, leaveProseCredits);
        // the facts may name the work too ("Title: ...", the head of a fact line): the vote again, with them
        List<TitleSource> factTitles = new ArrayList<>();
        for (Fact<String> t : main.titles()) {
            factTitles.add(new TitleSource(PageSignals.TitleKind.FACTS, t.value(), null));
        }
        if (!factTitles.isEmpty()) {
            vote = TitleVote.vote(signals, profile,
                    s -> s.element() != null && (inside(s.element(), skipped) || inside(s.element(), listed)), factTitles);
            best = vote.best();
        }
        List<Fact<String>> mainEvidence = FilmEvidence.of(main, declared, null, signals.filmContext());
        boolean markupEvidence = mainEvidence.stream().anyMatch(f -> f.layerEnum() != Layer.PROSE);
        boolean agreed = best != null && best.score() >= 1.5;

        WorkFacts whole = listed.isEmpty() || oneFilm ? main
                : reader.page(page.document(), signals.jsonLd(), skipped, page.clean().text(), mainTitle, leaveProseCredits);
        boolean severalWorks = !listings.isEmpty() && describesSeveral(whole);
        if (best != null && (declared != null || markupEvidence && (agreed || listings.isEmpty()) && !severalWorks)) {
            Builder b = new Builder(page, "a page about one film");
            b.notes.addAll(notes);
            // the page's own film: its listings (a cast list, screenings) are part of it
            main = whole;
            for (JsonNode w : works) {
                StructuredExtractor.work(w, main);
            }
            b.add(withTitle(main, best), null, "title vote: " + best.evidence(), declared);
            return b.reading(vote.ranked());
        }
        if (!listings.isEmpty()) {
            return listing(page, listings, vote, notes);
        }
        // an article: one film per titled section, or the film its text speaks of
        List<WorkSplitter.Piece> pieces = WorkSplitter.split(sections(page.clean()), page.clean().title());
        if (!pieces.isEmpty()) {
            return pieces(page, pieces, "an article about several works", vote.ranked());
        }
        Builder b = new Builder(page, best == null ? "a page without a title" : "an article or page about one work");
        b.notes.addAll(notes);
        if (best != null) {
            b.add(withTitle(main, best), null, "title vote: " + best.evidence(), null);
        }
        return b.reading(vote.ranked());
    }

    /** One work per distinct item title of the listings, each with the facts of its own items. */
    private Reading listing(PageContext page, List<Listings.Listing> listings, TitleVote.Result vote,
                            List<String> notes) {
        Builder b = new Builder(page, "a listing of films (" + listings.size() + " listing(s), "
                + listings.stream().mapToInt(l -> l.items().size()).sum() + " items)");
        b.notes.addAll(notes);
        Map<String, WorkFacts> byTitle = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (Listings.Listing l : listings) {
            String evidence = "item of a listing of " + l.items().size() + " films, " + l.withEvidence()
                    + " with film facts (" + l.signature() + ")";
            for (Listings.Item item : l.items()) {
                WorkFacts facts = reader.item(item.nodes());
                Titles.Parsed parsed = Titles.parseTitle(item.title());
                if (parsed.title().isBlank()) {
                    continue;
                }
                facts.titlesClear();
                facts.title(parsed.title(), Layer.SEMI_STRUCTURED, item.title(), 0.8);
                if (parsed.year() != null) {
                    facts.year(parsed.year(), Layer.SEMI_STRUCTURED, item.title(), 0.75);
                }
                if (parsed.alias() != null) {
                    facts.alias(parsed.alias(), Layer.SEMI_STRUCTURED, item.title(), 0.7);
                }
                String key = Words.key(parsed.title());
                WorkFacts seen = byTitle.get(key);
                if (seen == null) {
                    byTitle.put(key, facts);
                    why.put(key, evidence);
                } else {
                    facts.titlesClear();
                    seen.addAll(facts);
                }
            }
        }
        b.ownText = true;
        for (Map.Entry<String, WorkFacts> e : byTitle.entrySet()) {
            WorkFacts facts = e.getValue();
            tidyTitles(facts);
            b.add(facts, why.get(e.getKey()), "listing item", null);
        }
        return b.reading(vote.ranked());
    }

    /**
     * True when what a page states outside its listings is itself about several works: three running
     * times or years, or four directors. Such a page is a listing whose other items were not found
     * as such (a second view of the same programme), not a page about one film.
     */
    private static boolean describesSeveral(WorkFacts facts) {
        long runtimes = facts.runtimes().stream().filter(f -> f.layerEnum() != Layer.PROSE).map(Fact::value).distinct().count();
        long years = facts.years().stream().filter(f -> f.layerEnum() == Layer.SEMI_STRUCTURED).map(Fact::value).distinct().count();
        long directors = facts.credits().stream().filter(c -> c.layerEnum() != Layer.PROSE
                && c.value().role().equals("director")).map(c -> c.value().name()).distinct().count();
        return runtimes >= 3 || years >= 3 || directors >= 4;
    }

    private static WorkFacts withTitle(WorkFacts facts, TitleVote.Candidate best) {
        facts.titlesClear();
        facts.title(best.title(), Layer.STRUCTURED, best.evidence(), Math.min(0.95, 0.5 + best.score() / 6));
        if (best.year() != null) {
            facts.year(best.year(), Layer.STRUCTURED, best.evidence(), 0.75);
        }
        tidyTitles(facts);
        return facts;
    }

    /**
     * The page's schema.org works and events (not typed Movie) named like its title: every one of
     * them when all agree (a cinema lists one Event per screening), none when they name different things.
     */
    private static List<JsonNode> workObjects(PageSignals signals, String title) {
        String key = Words.key(title);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : signals.jsonLd()) {
            List<String> types = JsonLd.types(o);
            boolean work = types.stream().anyMatch(t -> t.endsWith("event") || t.equals("tvepisode") || t.equals("episode")
                    || t.equals("tvmovie") || t.equals("creativework") || t.equals("videoobject"));
            String name = JsonLd.text(o.get("name"));
            if (!work || name == null || signals.movies().contains(o)) {
                continue;
            }
            if (!Words.containsWords(Words.key(name), key)) {
                return List.of();
            }
            out.add(o);
        }
        return out;
    }

    private static List<JsonNode> distinctMovies(List<JsonNode> movies) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode m : movies) {
            byName.putIfAbsent(Words.key(JsonLd.text(m.get("name"))), m);
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The non-blank lines of a segment's text, stripped: what splitting it at "\\n\\s*\\n|\\n" and
     * dropping the blank pieces gives (a separator's white space would only make blank pieces),
     * without the pattern.
     */
    static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        for (int from = 0, n = text.length(); from <= n; ) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = n;
            }
            String block = text.substring(from, end);
            if (!block.isBlank()) {
                blocks.add(block.strip());
            }
            from = end + 1;
        }
        return blocks;
    }

    private static List<Section> sections(CleanPage clean) {
        List<Section> sections = new ArrayList<>();
        for (CleanPage.Segment segment : clean.segments()) {
            List<String> blocks = blocks(segment.text());
            sections.add(new Section(segment.heading(), blocks));
        }
        return sections;
    }

    private Reading plainText(PageContext page, String text) {
        List<Section> sections = TextSections.of(text);
        String pageTitle = sections.stream().map(Section::heading).filter(h -> h != null).findFirst().orElse(null);
        List<WorkSplitter.Piece> pieces = WorkSplitter.split(sections, pageTitle);
        if (!pieces.isEmpty()) {
            return pieces(page, pieces, "a text about several works", List.of());
        }
        WorkFacts facts = reader.text(text);
        pageTitle(sections, text, facts);
        tidyTitles(facts);
        Builder b = new Builder(page, "a text about one work");
        b.add(facts, null, "text", null);
        return b.reading(List.of());
    }

    /**
     * One work per piece of a page about several works, each from its own text. The pieces are an
     * article's list of films when the page speaks of films and at least two of them (or half) show a
     * film of their own; then every piece is taken as a film, otherwise only those that show one.
     */
    private Reading pieces(PageContext page, List<WorkSplitter.Piece> pieces, String kind,
                           List<TitleVote.Candidate> candidates) {
        Builder b = new Builder(page, kind + " (" + pieces.size() + " pieces)");
        List<WorkFacts> all = new ArrayList<>();
        int own = 0;
        for (WorkSplitter.Piece piece : pieces) {
            WorkFacts facts = reader.text(piece.text());
            String source;
            if (piece.title() != null) {
                facts.title(piece.title(), Layer.SEMI_STRUCTURED, piece.title(), 0.7);
                source = "section heading";
            } else {
                titleFinder.find(piece.text(), people(facts), true).ifPresent(f ->
                        facts.title(f.title(), Layer.PROSE, f.evidence(), f.confidence()));
                source = "a sentence that names the film";
            }
            tidyTitles(facts);
            all.add(facts);
            b.sources.add(source);
            if (!FilmEvidence.of(facts, null, null, page.signals().filmContext(), true).isEmpty()) {
                own++;
            }
        }
        boolean list = page.signals().filmContext() && own >= 2 && own * 2 >= pieces.size();
        for (int i = 0; i < all.size(); i++) {
            b.ownText = true;
            b.add(all.get(i), list ? "a section of " + kind + " whose text speaks of a film" : null, b.sources.get(i), null);
        }
        return b.reading(candidates);
    }

    /**
     * The title of a plain-text page about one work: its first title-like heading when the text
     * names it again, else the name its sentences keep starting with.
     */
    private void pageTitle(List<Section> sections, String text, WorkFacts facts) {
        String lowerText = text.toLowerCase(Locale.ROOT);
        for (Section s : sections) {
            if (s.heading() != null && Headings.isTitleLike(s.heading())) {
                String title = Titles.parseTitle(s.heading()).title();
                int first = lowerText.indexOf(title.toLowerCase(Locale.ROOT));
                boolean recurs = first >= 0 && lowerText.indexOf(title.toLowerCase(Locale.ROOT), first + 1) >= 0;
                facts.title(title, Layer.SEMI_STRUCTURED, s.heading(), recurs ? 0.6 : 0.25);
                break;
            }
        }
        titleFinder.find(text, people(facts), false).ifPresent(f ->
                facts.title(f.title(), Layer.PROSE, f.evidence(), f.confidence()));
    }

    private static Set<String> people(WorkFacts facts) {
        Set<String> people = new HashSet<>();
        for (Fact<Credit> c : facts.credits()) {
            people.add(c.value().name());
        }
        return people;
    }

    /** Collects a page's works as mentions, keeping only those with evidence of a film. */
    private final class Builder {
        private final PageContext page;
        private final String kind;
        private final List<WorkReading> works = new ArrayList<>();
        private final List<FilmMention> mentions = new ArrayList<>();

        Builder(PageContext page, String kind) {
            this.page = page;
            this.kind = kind;
        }

        void add(WorkFacts facts, String listing, String source, String declared) {
            List<Fact<String>> evidence = FilmEvidence.of(facts, declared, listing, page.signals().filmContext(), ownText);
            // prose credits left untagged (a page not about films, where they are no evidence): read for a film only
            if (!evidence.isEmpty()) {
                reader.readLeftCredits(facts);
            } else if (facts.takeLeftCredits() != null) {
                notes.add("prose credits not read: no evidence of a film on a page not about films");
            }
            Optional<FilmMention> mention = facts.toMention(page.raw(), page.clean().site(), mentions.size());
            boolean published = mention.isPresent() && !evidence.isEmpty();
            FilmMention m = mention.map(x -> x.withWork(evidence)).orElse(null);
            works.add(new WorkReading(mention.map(x -> x.title().value()).orElse(null), source, published, evidence, m));
            if (published) {
                mentions.add(m);
            }
        }

        private final List<String> notes = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();
        private boolean ownText;

        Reading reading(List<TitleVote.Candidate> candidates) {
            return new Reading(kind, candidates, works, mentions, notes);
        }
    }

    /** A label or heading repeats on every page of a site while what follows it differs: it is never left out. */
    private static boolean isLabel(Element el) {
        String tag = el.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
            return true;
        }
        String text = el.text();
        return text.length() <= 80 && Labels.whole(text).isPresent();
    }

    private static Set<Element> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static boolean inside(Element el, Set<Element> set) {
        for (Element e = el; e != null; e = e.parent()) {
            if (set.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Titles lose what is not the title: "(1988)" (kept as a year), "(1997 film)", and a trailing
     * year when it is the film's own ("6 Underground 2019"); a localised title in parentheses
     * becomes an alias.
     */
    static void tidyTitles(WorkFacts facts) {
        List<Fact<String>> fixed = new ArrayList<>();
        for (Fact<String> t : facts.titles) {
            Titles.Parsed parsed = Titles.parseTitle(t.value());
            if (parsed.year() != null) {
                facts.year(parsed.year(), t.layerEnum(), t.evidence(), Math.min(t.confidence(), 0.75));
            }
            if (parsed.alias() != null) {
                facts.alias(parsed.alias(), t.layerEnum(), t.evidence(), t.confidence() * 0.9);
            }
            if (!parsed.title().isBlank()) {
                fixed.add(new Fact<>(parsed.title(), t.layer(), t.evidence(), t.confidence()));
            }
        }
        Optional<Fact<Integer>> year = facts.bestYear();
        facts.titles.clear();
        for (Fact<String> t : fixed) {
            Titles.Parsed parsed = Titles.parseTitle(t.value());
            if (parsed.trailingYear() != null && year.isPresent() && parsed.trailingYear().equals(year.get().value())) {
                facts.titles.add(new Fact<>(Titles.withoutTrailingYear(t.value()), t.layer(), t.evidence(), t.confidence()));
            } else {
                facts.titles.add(t);
            }
        }
    }
}
