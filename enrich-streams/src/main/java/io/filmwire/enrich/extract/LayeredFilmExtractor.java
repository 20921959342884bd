package io.filmwire.enrich.extract;

import io.filmwire.enrich.extract.semi.DomLabelExtractor;
import io.filmwire.enrich.extract.semi.DomText;
import io.filmwire.enrich.extract.semi.RatingWidgets;
import io.filmwire.enrich.extract.semi.TextLabelExtractor;
import io.filmwire.enrich.extract.semi.WikitextInfobox;
import io.filmwire.enrich.extract.structured.StructuredExtractor;
import io.filmwire.enrich.extract.structured.Titles;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.enrich.page.PageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The production extractor: structured data, then label/value facts, then prose, for the page's
 * work. Never throws on a malformed page. Not thread-safe (the prose layer holds OpenNLP taggers):
 * one instance per thread.
 */
public final class LayeredFilmExtractor implements FilmExtractor {

    private final StructuredExtractor structured = new StructuredExtractor();
    private final DomLabelExtractor domLabels = new DomLabelExtractor();
    private final TextLabelExtractor textLabels = new TextLabelExtractor();
    private final RatingWidgets ratingWidgets = new RatingWidgets();
    private final WikitextInfobox wikitext = new WikitextInfobox();

    @Override
    public List<FilmMention> extract(PageContext page) {
        WorkFacts facts = new WorkFacts();
        if (page.isHtml()) {
            facts.addAll(structured.extract(page.document()));
            Element body = page.document().body();
            if (body != null) {
                Set<Element> elsewhere = domLabels.extract(body, facts);
                textLabels.extract(DomText.lines(body, elsewhere), false, facts);
                ratingWidgets.extract(body, elsewhere, facts);
            }
        } else {
            String text = page.raw().body();
            if (WikitextInfobox.applies(text)) {
                wikitext.extract(text, facts);
            } else {
                List<String> lines = text.lines().toList();
                textLabels.extract(lines, true, facts);
                lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst().ifPresent(first -> {
                    if (first.length() <= 120) {
                        facts.title(Titles.parseTitle(first).title(), Layer.SEMI_STRUCTURED, first, 0.6);
                    }
                });
            }
        }
        tidyTitles(facts);
        List<FilmMention> out = new ArrayList<>();
        facts.toMention(page.raw(), page.clean().site(), 0).ifPresent(out::add);
        return out;
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
