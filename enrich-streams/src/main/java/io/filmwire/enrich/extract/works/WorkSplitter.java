package io.filmwire.enrich.extract.works;

import io.filmwire.enrich.extract.structured.Titles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a page describes several works (a listicle, a blog post with unrelated items) and
 * cuts it into one piece per work. Signals: headings that can be titles, each followed by text that
 * speaks of a film ("the film", "directed", "filmmaker", its own title again); at least two such
 * items. Known titles play no part. Stateless.
 */
public final class WorkSplitter {

    /** One work's part of the page: its title (null when the part has none yet) and its text. */
    public record Piece(String title, String text) {
    }

    static final Pattern FILM_EVIDENCE = Pattern.compile(
            "(?i)\\b(this|the|a|an|its|his|her|their) (\\w+ ){0,2}(film|documentary|movie|video|short|feature|doc)\\b|"
                    + "\\bdirect(ed|or|s|ing)\\b|\\bfilm-?makers?\\b|\\bstarring\\b|\\bmusic videos?\\b|"
                    + "\\bco-production\\b|\\bdocumentar(y|ies|ian)\\b");

    private WorkSplitter() {
    }

    /**
     * The pieces of a page about several works, or an empty list when the page is about one.
     *
     * @param pageTitle the page's own title (first heading), or null
     */
    public static List<Piece> split(List<Section> all, String pageTitle) {
        List<Section> sections = withoutBylines(all);
        int items = 0;
        for (Section s : sections) {
            if (isItem(s, pageTitle)) {
                items++;
            }
        }
        if (items < 2) {
            return List.of();
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        String pendingTitle = null;
        boolean first = true;
        for (Section s : sections) {
            boolean item = isItem(s, pageTitle);
            boolean pageWork = first && s.heading() != null && pageTitle != null && s.heading().strip().equals(pageTitle.strip())
                    && !Headings.isCollectionTitle(pageTitle) && hasFilmEvidence(s, s.heading());
            first = false;
            if (item || pageWork) {
                flush(pieces, pendingTitle, pending);
                pendingTitle = s.heading().strip();
                pending.append(s.text());
            } else if (s.heading() != null && !Headings.isTitleLike(s.heading()) && !s.heading().strip().equals(pageTitle)) {
                // a heading that is no title ("A film with David Beckham? WTF?") ends the current work
                flush(pieces, pendingTitle, pending);
                pendingTitle = null;
                pending.append(s.text());
            } else {
                if (pending.length() > 0) {
                    pending.append("\n\n");
                }
                pending.append(s.text());
            }
        }
        flush(pieces, pendingTitle, pending);
        return pieces;
    }

    /**
     * The sections with a byline heading ("James Gates", before the article's first real paragraph)
     * merged into the text before it.
     */
    private static List<Section> withoutBylines(List<Section> sections) {
        List<Section> out = new ArrayList<>();
        boolean textSeen = false;
        boolean first = true;
        for (Section s : sections) {
            boolean byline = !first && !textSeen && s.heading() != null && Headings.looksLikeByline(s.heading());
            first &= s.heading() == null;
            if (byline) {
                out.add(new Section(null, s.blocks()));
            } else {
                out.add(s);
            }
            textSeen |= s.blocks().stream().anyMatch(b -> b.length() > 200);
        }
        return out;
    }

    private static void flush(List<Piece> pieces, String title, StringBuilder text) {
        if (title != null || text.length() > 0) {
            pieces.add(new Piece(title, text.toString()));
        }
        text.setLength(0);
    }

    private static boolean isItem(Section s, String pageTitle) {
        if (s.heading() == null || !Headings.isTitleLike(s.heading()) || s.blocks().isEmpty()) {
            return false;
        }
        if (pageTitle != null && (s.heading().strip().equalsIgnoreCase(pageTitle.strip())
                || s.heading().strip().equalsIgnoreCase(Titles.parsePageTitle(pageTitle).title()))) {
            return false;
        }
        if (Headings.isCollectionTitle(s.heading())) {
            return false;
        }
        return hasFilmEvidence(s, s.heading());
    }

    private static boolean hasFilmEvidence(Section s, String title) {
        String text = s.text();
        String lower = text.toLowerCase(Locale.ROOT);
        if (mayHoldEvidence(lower) && FILM_EVIDENCE.matcher(text).find()) {
            return true;
        }
        String t = title.toLowerCase(Locale.ROOT).strip();
        return t.length() >= 4 && lower.contains(t);
    }

    /** A word that each match of {@link #FILM_EVIDENCE} holds (its case aside only for ASCII letters). */
    private static final String[] EVIDENCE_WORDS = {"film", "doc", "movie", "video", "short", "feature", "direct",
        "starring", "co-production"};

    /** False when the lower-cased text holds none of {@link #EVIDENCE_WORDS}: then the pattern cannot match. */
    static boolean mayHoldEvidence(String lower) {
        for (String w : EVIDENCE_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
