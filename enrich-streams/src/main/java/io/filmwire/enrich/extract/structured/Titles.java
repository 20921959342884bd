package io.filmwire.enrich.extract.structured;

import io.filmwire.enrich.extract.text.Digits;
import io.filmwire.enrich.extract.text.TextScan;
import io.filmwire.enrich.extract.text.Years;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Film titles out of page titles and headings: the site's name, "Watch ..." or "دانلود فیلم ..."
 * wrappers, "(1997 film)" and "(TV Movie 2008)" qualifiers and rating decorations come off; a year
 * in parentheses is kept apart as the film's year; a localised title in parentheses as an alias.
 * Stateless.
 */
public final class Titles {

    /** A title taken apart. {@code trailingYear}: a bare year at the end ("6 Underground 2019"), kept in the title. */
    public record Parsed(String title, Integer year, String alias, Integer trailingYear) {
    }

    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[-|–—·•]|::)\\s+");
    private static final Pattern SITE_WORDS = Pattern.compile(
            "(?i).*(imdb|wikipedia|rotten tomatoes|letterboxd|metacritic|allocin|filmaffinity|mubi|netflix|"
                    + "amazon|youtube|\\.com|\\.org|\\.net|\\.co|\\.ir|\\.de|\\.fr|\\.uk|online|watch|stream|"
                    + "review|reviews|news|magazine|blog|festival|official site|movies?|films?|cinema|tv).*");
    static final Pattern YEAR_PARENS = Pattern.compile(
            "\\s*\\((?:(?:tv |video |short |mini-?series )?(?:movie|film)\\s*)?((?:1[89]|20)\\d\\d)(?:\\s*(?:film|movie))?(?:[–-]\\d*)?\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern QUALIFIER_PARENS = Pattern.compile(
            "\\s*\\((?:film|movie|documentary|short film|tv movie|video|original title|\\d{4} (?:film|movie))\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern OTHER_PARENS = Pattern.compile("\\s*\\(([^()]{2,60})\\)\\s*$");
    static final Pattern TRAILING_YEAR = Pattern.compile("\\s+((?:1[89]|20)\\d\\d)\\s*$");
    static final Pattern NUMBERING = Pattern.compile("^\\s*(?:#\\s?\\d{1,3}|\\d{1,3}\\s*[.):]|no\\.\\s*\\d{1,3}[.:]?)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** "Little Pyongyang review – a refugee's ...", "Nomad's Land review: ..." : the film is before "review". */
    static final Pattern REVIEW_OF = Pattern.compile(
            "^[\"“‘']?(.+?)[\"”’']?\\s+(?:(?:[Ff]ilm |[Mm]ovie )?review$|(?i:(?:film |movie )?review)\\s*[-–—:|]\\s+.*)$");
    private static final Pattern DECORATION = Pattern.compile("\\s*(?:⭐|★|☆).*$");
    static final Pattern PREFIX = Pattern.compile(
            "(?iu)^\\s*(?:watch|download|stream|review|film review|movie review|trailer|دانلود (?:رایگان )?(?:فیلم|انیمیشن|مستند)(?: ایرانی| خارجی)?|"
                    + "دانلود|تماشای آنلاین فیلم|ver|regarder|voir)\\s*:?\\s+");
    static final Pattern SUFFIX = Pattern.compile(
            "(?iu)\\s+(?:با (?:زیرنویس|لینک|کیفیت|دوبله|حجم).*|online free.*|full movie.*|free online.*|streaming.*|"
                    + "en streaming.*|in hd.*|hd$)$");

    private Titles() {
    }

    /** Words each match of {@link #SUFFIX} holds, and the word {@link #REVIEW_OF} needs, in any case. */
    static final TextScan.AnyWord SUFFIX_WORDS = TextScan.anyWord("با ", "online", "full movie", "streaming", "hd");
    static final TextScan.AnyWord REVIEW_WORD = TextScan.anyWord("review");

    /** Whether {@link #NUMBERING} can match: after its spaces, "#", a digit or "no." start the text. */
    static boolean mayNumber(String s) {
        int i = TextScan.skipRegexSpace(s, 0);
        if (i == s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c == '#' || c >= '0' && c <= '9' || c == 'n' || c == 'N';
    }

    /** The first letters of {@link #PREFIX}'s words, lower case. */
    private static final String PREFIX_FIRSTS = "wdsrfmtvدت";

    /** Whether {@link #PREFIX} can match: after its spaces, a character that folds to a first letter of its words. */
    static boolean mayPrefix(String s) {
        int i = TextScan.skipRegexSpace(s, 0);
        return i < s.length() && TextScan.foldsToOneOf(s.charAt(i), PREFIX_FIRSTS);
    }

    /** The film title in a {@code <title>} or {@code og:title}. */
    public static Parsed parsePageTitle(String raw) {
        String s = Digits.ascii(raw).replace('\u00a0', ' ').strip();
        s = DECORATION.matcher(s).replaceFirst("");
        for (int i = 0; i < 2; i++) {
            Matcher m = SEPARATOR.matcher(s);
            int last = -1;
            int lastEnd = -1;
            while (m.find()) {
                last = m.start();
                lastEnd = m.end();
            }
            if (last > 0) {
                String tail = s.substring(lastEnd).strip();
                if (looksLikeSite(tail)) {
                    s = s.substring(0, last).strip();
                    continue;
                }
            }
            break;
        }
        return parseTitle(s);
    }

    /** A heading or label value taken apart: wrappers, qualifiers, a year and an alias in parentheses. */
    public static Parsed parseTitle(String raw) {
        String s = raw.replace('\u00a0', ' ').strip();
        // each pattern is tried only where the characters it needs are there (most titles have none)
        if (mayNumber(s)) {
            s = NUMBERING.matcher(s).replaceFirst("");
        }
        if (mayPrefix(s)) {
            s = PREFIX.matcher(s).replaceFirst("");
        }
        if (SUFFIX_WORDS.in(s)) {
            s = SUFFIX.matcher(s).replaceFirst("");
        }
        s = s.strip();
        if (REVIEW_WORD.in(s)) {
            Matcher review = REVIEW_OF.matcher(s);
            if (review.matches()) {
                s = review.group(1).strip();
            }
        }
        Integer year = null;
        String alias = null;
        // the three parenthesis patterns end in ")" (the text is stripped at each step)
        for (int i = 0; i < 3 && !s.isEmpty() && s.charAt(s.length() - 1) == ')'; i++) {
            Matcher y = YEAR_PARENS.matcher(s);
            if (y.find() && y.start() > 0) {
                int v = Integer.parseInt(y.group(1));
                if (Years.plausible(v)) {
                    year = v;
                }
                s = s.substring(0, y.start()).strip();
                continue;
            }
            Matcher q = QUALIFIER_PARENS.matcher(s);
            if (q.find() && q.start() > 0) {
                s = s.substring(0, q.start()).strip();
                continue;
            }
            Matcher o = OTHER_PARENS.matcher(s);
            if (o.find() && o.start() > 0 && alias == null && !CompiledRx.P1.matcher(o.group(1)).matches()) {
                alias = o.group(1).strip();
                s = s.substring(0, o.start()).strip();
                continue;
            }
            break;
        }
        Integer trailing = null;
        Matcher t = TRAILING_YEAR.matcher(s);
        if (!s.isEmpty() && s.charAt(s.length() - 1) >= '0' && s.charAt(s.length() - 1) <= '9' && t.find() && t.start() > 0) {
            int v = Integer.parseInt(t.group(1));
            if (Years.plausible(v)) {
                trailing = v;
            }
        }
        s = CompiledRx.P2.matcher(s).replaceAll("").strip();
        return new Parsed(s, year, alias, trailing);
    }

    /** {@code title} without its trailing year. */
    public static String withoutTrailingYear(String title) {
        return TRAILING_YEAR.matcher(title).replaceFirst("").strip();
    }

    private static boolean looksLikeSite(String tail) {
        if (tail.isEmpty() || tail.length() > 40) {
            return false;
        }
        if (Years.first(tail).isPresent() && tail.strip().length() <= 6) {
            return false;
        }
        String lower = tail.toLowerCase(Locale.ROOT);
        return SITE_WORDS.matcher(lower).matches() || CompiledRx.P3.split(tail).length <= 2 && !CompiledRx.P1.matcher(tail).matches();
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile(".*\\d.*");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("^[\"“”'‘’«]+|[\"“”'‘’»]+$");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
