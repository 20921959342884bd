package io.filmwire.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paragraphs and headings of a plain-text page. Paragraphs are separated by blank lines; a paragraph
 * of one short, title-like line (no closing punctuation, a capital or digit first, few words) that
 * is followed by text is a heading, and so is the first line of a block of "label: value" lines: the first one is the page's title (level 1), the others are
 * section or item titles (level null: inferred, not marked up). Lines marked as headings in
 * wikitext ("== Plot ==") or Markdown ("## Cast") are headings with their level. Paragraphs that
 * are furniture by their words alone ({@link StockPhrases}: "Edit article", "Advertisement") are left out. Stateless and thread-safe.
 */
final class TextPages {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n[ \\t\\u00a0]*\\n\\s*");
    private static final Pattern BULLET = Pattern.compile("^[•·\\-*–—>▪◦●■]\\s*");
    /** A heading marked up as in wikitext ("== Plot ==": level 2) or Markdown ("## Cast": level 2). */
    private static final Pattern MARKED_HEADING = Pattern.compile("^(={2,7})\\s*([^=].{0,150}?)\\s*\\1$|^(#{1,6})\\s+(\\S.{0,150}?)\\s*#*$");
    private static final Pattern LABEL_LINE = Pattern.compile("^[^:]{2,40}:\\s*\\S");
    private static final int MAX_HEADING_CHARS = 100;
    private static final int MAX_HEADING_WORDS = 14;

    private TextPages() {
    }

    /** The page's paragraphs and headings, in order. */
    static List<ArticleCleaner.Piece> pieces(String body) {
        String normalised = body.replace("\r\n", "\n").replace('\r', '\n');
        List<String> paragraphs = new ArrayList<>();
        for (String raw : PARAGRAPHS.split(normalised)) {
            StringBuilder lines = new StringBuilder();
            for (String line : CompiledRx.P1.split(raw)) {
                String clean = TextNormaliser.line(line);
                if (!clean.isEmpty()) {
                    lines.append(lines.length() > 0 ? "\n" : "").append(clean);
                }
            }
            for (String part : splitAtMarkedHeadings(lines.toString())) {
                addParagraph(paragraphs, part);
            }
        }
        List<ArticleCleaner.Piece> pieces = new ArrayList<>(paragraphs.size());
        boolean first = true;
        paragraphs.removeIf(StockPhrases::isFurniture);
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            Matcher marked = MARKED_HEADING.matcher(paragraph);
            if (marked.matches()) {
                String marks = marked.group(1) != null ? marked.group(1) : marked.group(3);
                String text = marked.group(2) != null ? marked.group(2) : marked.group(4);
                int level = marks.length();
                pieces.add(new ArticleCleaner.Piece(text.strip(), true, level, null));
            } else {
                boolean heading = i + 1 < paragraphs.size() && isTitleLike(paragraph);
                Integer level = heading && first ? Integer.valueOf(1) : null;
                pieces.add(new ArticleCleaner.Piece(paragraph, heading, level, null));
            }
            first = false;
        }
        return pieces;
    }

    /** The paragraph cut before and after each line marked as a heading ("== Plot ==", "## Cast"). */
    private static List<String> splitAtMarkedHeadings(String paragraph) {
        List<String> parts = new ArrayList<>();
        if (paragraph.isEmpty()) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        for (String line : CompiledRx.P1.split(paragraph)) {
            if (MARKED_HEADING.matcher(line).matches()) {
                if (current.length() > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                parts.add(line);
            } else {
                current.append(current.length() > 0 ? "\n" : "").append(line);
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    /**
     * Adds a paragraph; a first line that titles a block of label lines ("Key credits" over
     * "Directed by: ...") becomes a paragraph of its own, so it can be a heading.
     */
    private static void addParagraph(List<String> paragraphs, String paragraph) {
        int nl = paragraph.indexOf('\n');
        if (nl > 0 && isTitleLike(paragraph.substring(0, nl)) && CompiledRx.P2.split(paragraph.substring(0, nl)).length <= 5) {
            String[] rest = CompiledRx.P1.split(paragraph.substring(nl + 1));
            int labelled = 0;
            for (String line : rest) {
                if (LABEL_LINE.matcher(line).find() || BULLET.matcher(line).find()) {
                    labelled++;
                }
            }
            if (rest.length >= 2 && labelled * 2 > rest.length) {
                paragraphs.add(paragraph.substring(0, nl));
                paragraphs.add(paragraph.substring(nl + 1));
                return;
            }
        }
        paragraphs.add(paragraph);
    }

    /** One short line that reads like a title: no closing punctuation, starts with a capital or a digit. */
    static boolean isTitleLike(String paragraph) {
        if (paragraph.contains("\n") || paragraph.length() > MAX_HEADING_CHARS || paragraph.length() < 2
                || BULLET.matcher(paragraph).find()) {
            return false;
        }
        int firstChar = paragraph.codePointAt(0);
        if (!Character.isUpperCase(firstChar) && !Character.isDigit(firstChar) && !Character.isTitleCase(firstChar)
                && Character.isLetter(firstChar) && Character.isLowerCase(firstChar)) {
            return false;
        }
        if (!Character.isLetterOrDigit(firstChar) && firstChar != '"' && firstChar != '\u201c' && firstChar != '\'') {
            return false;
        }
        char last = paragraph.charAt(paragraph.length() - 1);
        if (last == '.' && !paragraph.endsWith("...") || last == ',' || last == ';' || last == ':' || last == '!') {
            return false;
        }
        return CompiledRx.P2.split(paragraph).length <= MAX_HEADING_WORDS;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\n");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
