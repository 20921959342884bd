package io.filmwire.enrich.extract;

import io.filmwire.enrich.extract.prose.Nlp;
import io.filmwire.enrich.extract.prose.ProseExtractor;
import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.extract.semi.BareRuntimes;
import io.filmwire.enrich.extract.semi.DomLabelExtractor;
import io.filmwire.enrich.extract.semi.DomText;
import io.filmwire.enrich.extract.semi.FactBullets;
import io.filmwire.enrich.extract.semi.RatingWidgets;
import io.filmwire.enrich.extract.semi.TextLabelExtractor;
import io.filmwire.enrich.extract.semi.WikitextInfobox;
import io.filmwire.enrich.extract.structured.JsonLd;
import io.filmwire.enrich.extract.structured.StructuredExtractor;
import io.filmwire.enrich.extract.structured.Titles;
import io.filmwire.enrich.extract.works.Headings;
import io.filmwire.enrich.extract.works.Section;
import io.filmwire.enrich.extract.works.TextSections;
import io.filmwire.enrich.extract.works.TitleFinder;
import io.filmwire.enrich.extract.works.WorkSplitter;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.enrich.page.PageContext;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.FilmRecord.Credit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The production extractor, layer by layer: structured data, then labelled values, fact bullets and
 * credit tables, then prose (only for what the layers above did not give). A page about several
 * works (headings that are titles, each followed by text about a film) yields one mention per work,
 * each with the facts of its own part of the page. Never throws on a malformed page. Not
 * thread-safe (the prose layer holds OpenNLP taggers): one instance per thread.
 */
public final class LayeredFilmExtractor implements FilmExtractor {

    private final StructuredExtractor structured = new StructuredExtractor();
    private final DomLabelExtractor domLabels = new DomLabelExtractor();
    private final TextLabelExtractor textLabels = new TextLabelExtractor();
    private final RatingWidgets ratingWidgets = new RatingWidgets();
    private final BareRuntimes bareRuntimes = new BareRuntimes();
    private final FactBullets bullets = new FactBullets();
    private final WikitextInfobox wikitext = new WikitextInfobox();
    private final Nlp nlp = new Nlp();
    private final ProseExtractor prose = new ProseExtractor(nlp);
    private final TitleFinder titleFinder = new TitleFinder(nlp);

    @Override
    public List<FilmMention> extract(PageContext page) {
        if (page.isHtml()) {
            return html(page);
        }
        String text = page.raw().body();
        if (WikitextInfobox.applies(text)) {
            WorkFacts facts = new WorkFacts();
            wikitext.extract(text, facts);
            tidyTitles(facts);
            return facts.toMention(page.raw(), page.clean().site(), 0).stream().toList();
        }
        return plainText(page, text);
    }

    private List<FilmMention> html(PageContext page) {
        List<JsonNode> objects = JsonLd.objects(page.document());
        List<JsonNode> movies = StructuredExtractor.movies(objects);
        if (movies.size() >= 2) {
            return structuredList(page, movies);
        }
        WorkFacts facts = structured.extract(page.document(), objects);
        Element body = page.document().body();
        if (body != null) {
            Set<Element> elsewhere = domLabels.extract(body, facts);
            List<String> lines = DomText.lines(body, elsewhere);
            textLabels.extract(lines, false, facts);
            bullets.extract(lines, facts);
            ratingWidgets.extract(body, elsewhere, facts);
            bareRuntimes.extract(body, elsewhere, facts);
        }
        if (movies.isEmpty() && !facts.hasMarkupFacts()) {
            // an article: it may be a list of films under their headings
            List<Section> sections = sections(page.clean());
            List<WorkSplitter.Piece> pieces = WorkSplitter.split(sections, page.clean().title());
            if (!pieces.isEmpty()) {
                return pieces(page, pieces);
            }
        }
        addProse(page.clean().text(), facts);
        tidyTitles(facts);
        return facts.toMention(page.raw(), page.clean().site(), 0).stream().toList();
    }

    /** A page whose structured data lists several films: one work each, from its own object. */
    private List<FilmMention> structuredList(PageContext page, List<JsonNode> movies) {
        List<FilmMention> out = new ArrayList<>();
        for (JsonNode movie : movies) {
            WorkFacts facts = new WorkFacts();
            StructuredExtractor.movie(movie, facts);
            tidyTitles(facts);
            facts.toMention(page.raw(), page.clean().site(), out.size()).ifPresent(out::add);
        }
        return out;
    }

    private static List<Section> sections(CleanPage clean) {
        List<Section> sections = new ArrayList<>();
        for (CleanPage.Segment segment : clean.segments()) {
            List<String> blocks = new ArrayList<>();
            for (String block : segment.text().split("\\n\\s*\\n|\\n")) {
                if (!block.isBlank()) {
                    blocks.add(block.strip());
                }
            }
            sections.add(new Section(segment.heading(), blocks));
        }
        return sections;
    }

    private List<FilmMention> plainText(PageContext page, String text) {
        List<Section> sections = TextSections.of(text);
        String pageTitle = sections.stream().map(Section::heading).filter(h -> h != null)
                .findFirst().orElse(null);
        List<WorkSplitter.Piece> pieces = WorkSplitter.split(sections, pageTitle);
        List<FilmMention> out = new ArrayList<>();
        if (pieces.isEmpty()) {
            WorkFacts facts = textFacts(text);
            pageTitle(sections, text, facts);
            tidyTitles(facts);
            facts.toMention(page.raw(), page.clean().site(), 0).ifPresent(out::add);
            return out;
        }
        return pieces(page, pieces);
    }

    /** One work per piece of a page about several works, each from its own text. */
    private List<FilmMention> pieces(PageContext page, List<WorkSplitter.Piece> pieces) {
        List<FilmMention> out = new ArrayList<>();
        int index = 0;
        for (WorkSplitter.Piece piece : pieces) {
            WorkFacts facts = textFacts(piece.text());
            if (piece.title() != null) {
                facts.title(piece.title(), Layer.SEMI_STRUCTURED, piece.title(), 0.7);
            } else {
                titleFinder.find(piece.text(), people(facts), true).ifPresent(f ->
                        facts.title(f.title(), Layer.PROSE, f.evidence(), f.confidence()));
            }
            tidyTitles(facts);
            Optional<FilmMention> mention = facts.toMention(page.raw(), page.clean().site(), index);
            if (mention.isPresent()) {
                out.add(mention.get());
                index++;
            }
        }
        return out;
    }

    private WorkFacts textFacts(String text) {
        WorkFacts facts = new WorkFacts();
        List<String> lines = text.lines().toList();
        textLabels.extract(lines, true, facts);
        bullets.extract(lines, facts);
        addProse(text, facts);
        return facts;
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

    /** Prose facts; credits only in roles that the layers above left empty. */
    private void addProse(String text, WorkFacts facts) {
        if (text == null || text.isBlank() || facts.complete()) {
            return;
        }
        WorkFacts found = new WorkFacts();
        prose.extract(text, found);
        Set<String> covered = new HashSet<>();
        for (Fact<Credit> c : facts.credits()) {
            covered.add(c.value().role());
        }
        for (Fact<Credit> c : found.credits()) {
            if (!covered.contains(c.value().role())) {
                facts.credits.add(c);
            }
        }
        facts.years.addAll(found.years);
        facts.runtimes.addAll(found.runtimes);
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
