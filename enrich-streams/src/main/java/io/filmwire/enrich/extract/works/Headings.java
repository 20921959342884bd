package io.filmwire.enrich.extract.works;

import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.PersonNames;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a short line on its own is: a heading at all, and if so whether it can be a work's title
 * (not a section name like "Description" or "Meet the Author", not a question, a byline or a photo
 * credit). Stateless.
 */
public final class Headings {

    private static final Pattern SECTION_WORDS = Pattern.compile(
            "(?i)^(description|synopsis|plot|plot summary|summary|storyline|story|cast|crew|cast & crew|cast and crew|"
                    + "credits|key credits|full credits|reviews?|critic reviews|user reviews|trailers?|videos?|photos?|"
                    + "gallery|details|technical specs|about|overview|info|information|more info|where to watch|"
                    + "watch( now| online| it)?|related|related articles|related films|recommended|you may also like|"
                    + "comments?|leave a (comment|reply)|share( this)?|newsletter|subscribe|sign up|follow us|contact( us)?|"
                    + "meet the author|about the author|about us|advertisement|sponsored|more|see more|read more|"
                    + "edit article|table of contents|contents|references|notes|external links|see also|awards?|"
                    + "box office|reception|production|release|soundtrack|music|trivia|goofs|quotes|faq|tags|"
                    + "categories|changing planet|latest|popular|trending|news|features|home|menu|search|"
                    + "development|pre-production|casting|filming|principal photography|post-production|visual effects|"
                    + "effects|marketing|home media|critical response|critical reception|accolades|legacy|themes|analysis|"
                    + "sequels?|remakes?|controversy|background|premise|historical accuracy|cultural impact|release and reception|"
                    + "the verdict|verdict|our take|final thoughts|conclusion|introduction|bottom line|where to stream|"
                    + "similar movies|more like this|recommendations|ratings?|scores?|streaming|availability)$");
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
        if (SECTION_WORDS.matcher(lower).matches() || WRAPPER.matcher(lower).find() || PHOTO_CREDIT.matcher(s).find()) {
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
        return SECTION_WORDS.matcher(lower).matches() || WRAPPER.matcher(lower).find() || PHOTO_CREDIT.matcher(text).find()
                || lower.startsWith("did you know");
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
