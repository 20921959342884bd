package io.filmwire.enrich.clean;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * One run of a page's text between block boundaries (a paragraph, a heading, a list item, a table
 * row), with what the cleaner needs to judge it. {@link BlockCollector} makes it; {@link MainContent}
 * writes its {@code weight} and {@code kept}. Belongs to one page's cleaning; not thread-safe.
 */
final class Block {

    /** What a block is in the page's markup. */
    enum Kind {
        PARAGRAPH, HEADING, ITEM, ROW, PRE
    }

    final Element owner;
    final Kind kind;
    /** Heading level 1-6, 0 for other kinds. */
    final int level;
    /** The list or table the block belongs to (items and rows), else null. */
    final Element group;
    /** Soft-boilerplate ancestors (by tag, role or class), innermost last; empty when none. */
    final List<Element> flagged;
    final String text;
    /** Non-space characters of the text. */
    final int chars;
    /** Non-space characters inside links. */
    final int linkChars;
    /** True when all the text is bold ({@code b}, {@code strong}). */
    final boolean bold;

    /** Weight in the container score: positive for prose, negative for boilerplate-like text. */
    double weight;
    /** False once the cleaner decided the block is not part of the article. */
    boolean kept = true;

    Block(Element owner, Kind kind, int level, Element group, List<Element> flagged, String text, int chars,
          int linkChars, boolean bold) {
        this.owner = owner;
        this.kind = kind;
        this.level = level;
        this.group = group;
        this.flagged = flagged;
        this.text = text;
        this.chars = chars;
        this.linkChars = linkChars;
        this.bold = bold;
    }

    /** Share of the text inside links, 0 to 1. */
    double linkDensity() {
        return chars == 0 ? 0 : Math.min(1.0, (double) linkChars / chars);
    }

    boolean isHeading() {
        return kind == Kind.HEADING;
    }

    @Override
    public String toString() {
        return kind + (level > 0 ? String.valueOf(level) : "") + "[" + owner.normalName() + " w=" + Math.round(weight)
                + " ld=" + Math.round(linkDensity() * 100) + "%" + (kept ? "" : " dropped") + "] " + text;
    }
}
