package io.filmwire.enrich.extract.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.prose.Nlp;
import io.filmwire.enrich.extract.prose.ProseExtractor;
import io.filmwire.enrich.extract.semi.BareRuntimes;
import io.filmwire.enrich.extract.semi.DomLabelExtractor;
import io.filmwire.enrich.extract.semi.DomText;
import io.filmwire.enrich.extract.semi.FactBullets;
import io.filmwire.enrich.extract.semi.FactLines;
import io.filmwire.enrich.extract.semi.RatingWidgets;
import io.filmwire.enrich.extract.semi.TextLabelExtractor;
import io.filmwire.enrich.extract.structured.StructuredExtractor;
import io.filmwire.enrich.model.Fact;
import io.filmwire.schema.FilmRecord.Credit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Reads one work's facts from its own part of the page, layer by layer: structured data, then
 * labelled values, credit tables, fact lines and bullets, rating widgets, then prose (which only
 * fills roles the layers above left empty). The same readers serve a whole page, a listing's item
 * and a piece of text. Not thread-safe (the prose layer holds OpenNLP taggers): one per thread.
 * What two readings of one page share is kept until {@link #forget()} or another page: a page's
 * document is not changed between its readings.
 */
public final class FactReader {

    private final StructuredExtractor structured = new StructuredExtractor();
    private final DomLabelExtractor domLabels = new DomLabelExtractor();
    private final TextLabelExtractor textLabels = new TextLabelExtractor();
    private final RatingWidgets ratingWidgets = new RatingWidgets();
    private final BareRuntimes bareRuntimes = new BareRuntimes();
    private final FactBullets bullets = new FactBullets();
    private final FactLines factLines = new FactLines();
    private final Nlp nlp;
    private final ProseExtractor prose;

    public FactReader(Nlp nlp) {
        this.nlp = nlp;
        this.prose = new ProseExtractor(nlp);
    }

    /** The fact-line reader, which keeps the lines it read until {@link #forget()}: for the listing finder. */
    public FactLines factLines() {
        return factLines;
    }

    /** The language tools, for the steps that read titles in prose. */
    public Nlp nlp() {
        return nlp;
    }

    /**
     * The facts of a page's one work: its structured data and everything outside {@code skipped}
     * (site chrome, other works' items), then the prose of {@code text} (the page's main text).
     */
    public WorkFacts page(Document doc, List<JsonNode> jsonLd, Set<Element> skipped, String text) {
        return page(doc, jsonLd, skipped, text, null);
    }

    /**
     * As {@link #page(Document, List, Set, String)}; with {@code title}, a prose credit counts only
     * from a sentence that names the work or says "the film" (a page's text also speaks of other films).
     */
    public WorkFacts page(Document doc, List<JsonNode> jsonLd, Set<Element> skipped, String text, String title) {
        return page(doc, jsonLd, skipped, text, title, false);
    }

    /**
     * As {@link #page(Document, List, Set, String, String)}; with {@code leaveProseCredits}, the
     * prose is read for years and running times only and its credit sentences are left untagged in
     * the facts ({@link WorkFacts#takeLeftCredits}) for {@link #readLeftCredits} to read once the work
     * proves to be a film: on a page not about films a prose credit is no evidence, and most such
     * pages give no work, so their sentences need never be tagged.
     */
    public WorkFacts page(Document doc, List<JsonNode> jsonLd, Set<Element> skipped, String text, String title,
                          boolean leaveProseCredits) {
        if (doc != memoDoc || jsonLd != memoJsonLd) {
            forget();
            memoDoc = doc;
            memoJsonLd = jsonLd;
            memoStructured = structured.extract(doc, jsonLd);
            memoLengths = doc.body() == null ? null : DomLabelExtractor.labelLengths(doc.body());
        }
        WorkFacts facts = new WorkFacts();
        facts.addAll(memoStructured);
        facts.titlesClear();
        Element body = doc.body();
        if (body != null) {
            Set<Element> elsewhere = domLabels.extract(body, facts, skipped, memoLengths);
            Set<Element> out = union(elsewhere, skipped);
            List<String> lines = DomText.lines(body, out);
            textLabels.extract(lines, false, facts);
            bullets.extract(lines, facts);
            factLines.extract(lines, facts);
            ratingWidgets.extract(body, out, facts);
            bareRuntimes.extract(body, out, facts);
        }
        addProse(text, facts, title, leaveProseCredits);
        return facts;
    }

    /** Reads the prose credits left in {@code facts} by a reading that left them, as that reading would have added them. */
    public void readLeftCredits(WorkFacts facts) {
        WorkFacts.LeftCredits left = facts.takeLeftCredits();
        if (left == null) {
            return;
        }
        WorkFacts found = new WorkFacts();
        prose.readCredits(left.sentences(), found);
        List<Fact<Credit>> kept = new ArrayList<>();
        for (Fact<Credit> c : found.credits()) {
            if (accepted(c, left.covered(), left.title())) {
                kept.add(c);
            }
        }
        facts.credits().addAll(Math.min(left.at(), facts.credits().size()), kept);
    }

    /**
     * Lets go of what the last page's readings shared (its structured facts, its text lengths, its
     * prose facts), so that no page is held once it is read. A page read twice (without and then with
     * its listings) reads its structured data and prose once.
     */
    public void forget() {
        factLines.forget();
        memoDoc = null;
        memoJsonLd = null;
        memoStructured = null;
        memoLengths = null;
        memoText = null;
        memoProse = null;
    }

    private Document memoDoc;
    private List<JsonNode> memoJsonLd;
    private WorkFacts memoStructured;
    private java.util.Map<Element, Integer> memoLengths;
    private String memoText;
    private ProseRead memoProse;

    /** The facts of one item of a listing: its nodes only. */
    public WorkFacts item(List<Node> nodes) {
        WorkFacts facts = new WorkFacts();
        Set<Element> none = Collections.emptySet();
        List<String> lines = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Element el) {
                domLabels.extract(el, facts, none);
                lines.addAll(DomText.lines(el, none));
                ratingWidgets.extract(el, none, facts);
                bareRuntimes.extract(el, none, facts);
            } else {
                String t = DomText.text(n);
                if (!t.isBlank()) {
                    lines.addAll(t.lines().toList());
                }
            }
        }
        textLabels.extract(lines, false, facts);
        bullets.extract(lines, facts);
        factLines.extract(lines, facts);
        addProse(String.join("\n\n", lines), facts);
        return facts;
    }

    /** The facts of a piece of plain text (a text page, or one work's part of an article). */
    public WorkFacts text(String text) {
        WorkFacts facts = new WorkFacts();
        List<String> lines = text.lines().toList();
        textLabels.extract(lines, true, facts);
        bullets.extract(lines, facts);
        factLines.extract(lines, facts);
        addProse(text, facts);
        return facts;
    }

    /** The facts of one schema.org Movie object (a page listing several in its structured data). */
    public WorkFacts movie(JsonNode movie) {
        WorkFacts facts = new WorkFacts();
        StructuredExtractor.movie(movie, facts);
        return facts;
    }

    /** Prose facts; credits only in roles that the layers above left empty. */
    private void addProse(String text, WorkFacts facts) {
        addProse(text, facts, null, false);
    }

    private void addProse(String text, WorkFacts facts, String title, boolean leaveCredits) {
        if (text == null || text.isBlank() || facts.complete()) {
            return;
        }
        ProseRead read;
        if (text == memoText && memoProse != null && memoProse.leftCredits() == leaveCredits) {
            read = memoProse; // read only below
        } else {
            WorkFacts found = new WorkFacts();
            List<String> left = null;
            if (leaveCredits) {
                left = prose.extractLeavingCredits(text, found);
            } else {
                prose.extract(text, found);
            }
            read = new ProseRead(found, left, leaveCredits);
            if (memoDoc != null) {
                memoText = text;
                memoProse = read;
            }
        }
        Set<String> covered = new HashSet<>();
        for (Fact<Credit> c : facts.credits()) {
            covered.add(c.value().role());
        }
        for (Fact<Credit> c : read.found().credits()) {
            if (accepted(c, covered, title)) {
                facts.credits().add(c);
            }
        }
        facts.addYearsAndRuntimes(read.found());
        if (read.left() != null && !read.left().isEmpty()) {
            facts.leaveCredits(new WorkFacts.LeftCredits(read.left(), Set.copyOf(covered), title, facts.credits().size()));
        }
    }

    /** A prose credit counts in a role the layers above left empty, and, given a title, from a sentence about the work. */
    private static boolean accepted(Fact<Credit> c, Set<String> covered, String title) {
        return !covered.contains(c.value().role())
                && (title == null || io.filmwire.enrich.extract.mention.FilmEvidence.aboutTheWork(c.evidence(), title));
    }

    /** What the prose of a text gave: its facts, and the credit sentences left untagged (null: none left). */
    private record ProseRead(WorkFacts found, List<String> left, boolean leftCredits) {
    }

    private static Set<Element> union(Set<Element> a, Set<Element> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
