package io.filmwire.enrich.extract.works;

import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.PersonNames;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a short line on its own is: a heading at all, and if so whether it can be a work's title
 * (not a section name like "Description" or "Meet the Author", not a question, a byline or a photo
 * credit). Stateless.
 */
public final class Headings {

    /** Names of the parts of a page, in lower case. */
    private static final Set<String> SECTION_WORDS = Set.of(
            "about", "about the author", "about us", "accolades", "advertisement", "analysis", "availability",
            "award", "awards", "background", "bottom line", "box office", "cast", "cast & crew", "cast and crew",
            "casting", "categories", "changing planet", "comment", "comments", "conclusion", "contact", "contact us",
            "contents", "controversy", "credits", "crew", "critic reviews", "critical reception",
            "critical response", "cultural impact", "description", "details", "development", "edit article",
            "effects", "external links", "faq", "features", "filming", "final thoughts", "follow us", "full credits",
            "gallery", "goofs", "historical accuracy", "home", "home media", "info", "information", "introduction",
            "key credits", "latest", "leave a comment", "leave a reply", "legacy", "marketing", "meet the author",
            "menu", "more", "more info", "more like this", "music", "news", "newsletter", "notes", "our take",
            "overview", "photo", "photos", "plot", "plot summary", "popular", "post-production", "pre-production",
            "premise", "principal photography", "production", "quotes", "rating", "ratings", "read more",
            "reception", "recommendations", "recommended", "references", "related", "related articles",
            "related films", "release", "release and reception", "remake", "remakes", "review", "reviews", "score",
            "scores", "search", "see also", "see more", "sequel", "sequels", "share", "share this", "sign up",
            "similar movies", "soundtrack", "sponsored", "story", "storyline", "streaming", "subscribe", "summary",
            "synopsis", "table of contents", "tags", "technical specs", "the verdict", "themes", "trailer",
            "trailers", "trending", "trivia", "user reviews", "verdict", "video", "videos", "visual effects",
            "watch", "watch it", "watch now", "watch online", "where to stream", "where to watch",
            "you may also like");
    private static final Pattern WRAPPER = Pattern.compile("(?i)^(watch|where to watch|stream|rent|buy|download)\\b");
    private static final Pattern PHOTO_CREDIT = Pattern.compile("(?i)\\b(photo|image|picture|credit)s?\\s*(by|:|©)|©|getty|shutterstock|unsplash");
    private static final Pattern COLLECTION = Pattern.compile(
            "(?i)\\b(films|movies|documentaries|shorts|videos|titles|picks|series|shows|list|lists|best|top \\d+|"
                    + "\\d+ (great|best|essential|must|classic|new|underrated)|favou?rites|ranked|roundup|round-up)\\b");

    private Headings() {
    }

    /** True when a one-line block is a heading: short, no closing full stop, not a label line. */
    public static boolean isHeading(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 110 || CompiledRx.P1.split(s).length > 16) {
            return false;
        }
        if (s.endsWith(".") && !s.endsWith("..") || s.endsWith(",") || s.endsWith(";") || s.endsWith(":")) {
            return false;
        }
        if (s.startsWith("•") || s.startsWith("-") || s.startsWith("*") || s.startsWith("|")) {
            return false;
        }
        int first = s.codePointAt(0);
        if (Character.isLetter(first) && Character.isLowerCase(first)) {
            return false;
        }
        return Labels.prefix(s).isEmpty() && Labels.whole(s).isEmpty();
    }

    /** True when a heading can name a work. */
    public static boolean isTitleLike(String heading) {
        String s = heading.strip();
        if (!isHeading(s) || s.endsWith("?") || s.endsWith("!")) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (SECTION_WORDS.contains(lower) || WRAPPER.matcher(lower).find() || photoCredit(s, lower)) {
            return false;
        }
        if (lower.startsWith("did you know") || lower.startsWith("a film with") || lower.startsWith("the following")) {
            return false;
        }
        return true;
    }

    /**
     * True when a text names a part of a page rather than a work ("Synopsis", "Cast & Crew", "Where to
     * watch", "Buy tickets for ...").
     */
    public static boolean isSectionName(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return SECTION_WORDS.contains(lower) || WRAPPER.matcher(lower).find() || photoCredit(text, lower)
                || lower.startsWith("did you know");
    }

    /** True when {@code text} ({@code lower} in lower case) is a photo credit; the regular expression runs only on texts with one of its words. */
    private static boolean photoCredit(String text, String lower) {
        return (lower.contains("photo") || lower.contains("image") || lower.contains("picture") || lower.contains("credit")
                || lower.indexOf('©') >= 0 || lower.contains("getty") || lower.contains("shutterstock") || lower.contains("unsplash"))
                && PHOTO_CREDIT.matcher(text).find();
    }

    /** True when a heading has the shape of a person's name ("James Gates"): a byline near the top of a page. */
    public static boolean looksLikeByline(String heading) {
        String s = heading.strip();
        return PersonNames.isName(s) && CompiledRx.P1.split(s).length <= 3 && !s.contains("'") && !s.contains("’");
    }

    /** True for the title of a page about several works ("Films That Will Help You Understand North Korea"). */
    public static boolean isCollectionTitle(String title) {
        return title != null && COLLECTION.matcher(title).find();
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
