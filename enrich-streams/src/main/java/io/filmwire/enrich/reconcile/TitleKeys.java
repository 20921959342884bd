package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normal forms of titles and names for matching: accents, case, apostrophes, punctuation and a
 * leading article ("The", "A", "An") do not count; "&" is "and". Thread-safe.
 */
public final class TitleKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern ARTICLE = Pattern.compile("^(the|a|an) ");

    private TitleKeys() {
    }

    /** The matching key of a title: "The Red Chapel!" -> "red chapel". */
    public static String titleKey(String title) {
        String key = fold(title);
        return ARTICLE.matcher(key).replaceFirst("");
    }

    /** The title keys of a mention: its title's first, then its aliases'; empty keys left out. */
    public static List<String> keysOf(FilmMention mention) {
        List<String> titles = new ArrayList<>();
        titles.add(mention.title().value());
        for (Fact<String> alias : mention.aliases()) {
            titles.add(alias.value());
        }
        return keysOf(titles);
    }

    /** The distinct non-empty keys of {@code titles}, in order. */
    public static List<String> keysOf(List<String> titles) {
        Set<String> keys = new LinkedHashSet<>();
        for (String title : titles) {
            String key = titleKey(title);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    /** A person's name folded for comparison: "Joong-wha Choi" -> "joong wha choi". */
    public static String nameKey(String name) {
        return fold(name);
    }

    /**
     * Lower case, accents and apostrophes dropped, "&" as "and", every other run of non-letters and
     * non-digits one space, trimmed. One pass over the text; only non-ASCII text is decomposed first.
     */
    private static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                s = Normalizer.normalize(s, Normalizer.Form.NFKD);
                break;
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                    || c == '\'' || c == '`' || c == '\u2018' || c == '\u2019') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(Character.toLowerCase(c));
            } else if (c == '&') {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append("and");
                gap = true;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** A slug for ids: lower-case ASCII letters and digits joined by '-', at most {@code max} characters. */
    public static String slug(String text, int max) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        s = CompiledRx.P1.matcher(MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > max) {
            s = CompiledRx.P2.matcher(s.substring(0, max)).replaceAll("");
        }
        return s;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("[^a-z0-9]+");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("-+$");

        private CompiledRx() {
        }
    }
}
