package io.filmwire.enrich.clean;

import io.filmwire.schema.CleanPage;
import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Separates a page's article from its boilerplate (navigation, ads, sign-up boxes, comments, related
 * links, footers), cuts it at its headings and reads its title, author, date and language.
 *
 * <p>HTML pages: the DOM is cut into blocks ({@link BlockCollector}), the article's container is the
 * element whose blocks weigh most as prose ({@link MainContent}), and its boilerplate blocks are
 * dropped; lists and tables inside the article are kept (a list item or table row per line, cells
 * joined by " | "). Plain-text pages: paragraphs at blank lines ({@link TextPages}). Every heading
 * starts a segment, so a listicle keeps its items apart: {@code h1}-{@code h6} with their level, and
 * headings that are not marked up, with level null (a short paragraph in bold or in capitals over
 * prose, a title-like line of a text page).
 *
 * <p>Bounded work: at most {@value #MAX_COLLECTED_CHARS} characters of a page are looked at and at
 * most {@value #MAX_TEXT_CHARS} characters of main text come out (the rest is cut at a paragraph
 * and logged); the DOM walk is iterative, so nesting depth does not matter. Reads the Jsoup document
 * without changing it, so extractors can share it. Stateless and thread-safe.
 */
public final class ArticleCleaner {

    /** Most characters of page text looked at. */
    public static final int MAX_COLLECTED_CHARS = 4_000_000;
    /** Most characters of main text in a clean page. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(ArticleCleaner.class);

    private final BoilerplateNames names = new BoilerplateNames();
    private final MainContent mainContent = new MainContent(names);

    /** A page that cannot be cleaned (it goes to pages.dlq with this message). */
    public static final class RejectedPageException extends RuntimeException {
        public RejectedPageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The article of a raw page: parsed when it is HTML, else read as text. */
    public CleanPage cleanPage(RawPage raw) {
        return raw.isHtml() ? clean(raw, parse(raw)) : cleanText(raw);
    }

    /** The DOM of an HTML page, as the Streams app parses it (base URI: the page's URL). */
    public static Document parse(RawPage raw) {
        try {
            return Jsoup.parse(raw.body(), raw.url() == null ? "" : raw.url());
        } catch (RuntimeException | StackOverflowError e) {
            throw new RejectedPageException("cannot parse the page as HTML: " + e, e);
        }
    }

    /** The article of an HTML page. */
    public CleanPage clean(RawPage raw, Document doc) {
        PageMetadata meta = PageMetadata.of(doc, raw.url());
        List<Block> article = List.of();
        Element body = doc.body();
        if (body != null) {
            BlockCollector.Result collected = BlockCollector.collect(body, names, MAX_COLLECTED_CHARS);
            if (collected.truncated()) {
                LOG.warn("Page '{}' has over {} characters of text: only the first {} were cleaned", raw.pageId(),
                        MAX_COLLECTED_CHARS, MAX_COLLECTED_CHARS);
            }
            article = mainContent.select(collected.blocks(), meta.title());
        }
        List<Piece> pieces = new ArrayList<>(article.size());
        for (int i = 0; i < article.size(); i++) {
            Block block = article.get(i);
            Integer level = block.isHeading() ? Integer.valueOf(block.level) : null;
            boolean heading = block.isHeading() || isInferredHeading(article, i);
            pieces.add(new Piece(block.text, heading, level, block.group));
        }
        String title = meta.title() != null ? meta.title() : raw.title();
        return assemble(raw, pieces, title, meta.author(), meta.publishedDate(), meta.language());
    }

    /** The article of a plain-text page: paragraphs at blank lines, headings where a line looks like a title. */
    public CleanPage cleanText(RawPage raw) {
        String body = raw.body();
        if (body.length() > MAX_COLLECTED_CHARS) {
            LOG.warn("Page '{}' has {} characters: only the first {} were cleaned", raw.pageId(), body.length(),
                    MAX_COLLECTED_CHARS);
            body = body.substring(0, MAX_COLLECTED_CHARS);
        }
        List<Piece> pieces = TextPages.pieces(body);
        String title = raw.title();
        if (title == null && !pieces.isEmpty() && pieces.get(0).heading()) {
            title = pieces.get(0).text();
        }
        return assemble(raw, pieces, title, null, null, null);
    }

    /** A paragraph of the clean text; {@code group} joins list items and table rows with single line breaks. */
    record Piece(String text, boolean heading, Integer level, Object group) {
    }

    /** A short title-like paragraph all in bold or in capitals, followed by prose: a listicle's item or a section title. */
    private static boolean isInferredHeading(List<Block> blocks, int i) {
        Block block = blocks.get(i);
        if (block.kind != Block.Kind.PARAGRAPH || block.text.length() > 120 || i + 1 >= blocks.size()
                || !TextPages.isTitleLike(block.text) || !(block.bold || isCapitals(block.text))) {
            return false;
        }
        Block next = blocks.get(i + 1);
        return !next.isHeading() && !next.bold && next.weight > 0;
    }

    private static boolean isCapitals(String text) {
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        return upper >= 4;
    }

    private static CleanPage assemble(RawPage raw, List<Piece> pieces, String title, String author, String date,
                                      String declaredLanguage) {
        List<CleanPage.Segment> segments = new ArrayList<>();
        long length = 0;
        for (Piece piece : pieces) {
            length += piece.text().length() + 2;
        }
        StringBuilder text = new StringBuilder((int) Math.min(length, MAX_TEXT_CHARS + 2L)); // sized once, not grown
        StringBuilder segmentText = new StringBuilder();
        String heading = null;
        Integer level = null;
        Object previousGroup = null;
        boolean hasSegment = false;
        for (Piece piece : pieces) {
            if (text.length() + piece.text().length() > MAX_TEXT_CHARS) {
                LOG.warn("Page '{}' has over {} characters of main text: the rest is left out of its clean page",
                        raw.pageId(), MAX_TEXT_CHARS);
                break;
            }
            boolean sameGroup = piece.group() != null && piece.group() == previousGroup;
            if (text.length() > 0) {
                text.append(sameGroup ? "\n" : "\n\n");
            }
            text.append(piece.text());
            previousGroup = piece.group();
            if (piece.heading()) {
                if (hasSegment) {
                    segments.add(new CleanPage.Segment(heading, level, segmentText.toString()));
                }
                heading = piece.text();
                level = piece.level();
                segmentText.setLength(0);
                hasSegment = true;
            } else {
                if (segmentText.length() > 0) {
                    segmentText.append(sameGroup ? "\n" : "\n\n");
                }
                segmentText.append(piece.text());
                hasSegment = true;
            }
        }
        if (hasSegment) {
            segments.add(new CleanPage.Segment(heading, level, segmentText.toString()));
        }
        String body = text.toString();
        String language = LanguageGuesser.guess(body, declaredLanguage);
        String url = raw.url();
        return new CleanPage(raw.pageId(), url, PageIds.site(url), title, author, date, language, body, segments);
    }
}
