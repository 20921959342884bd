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
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019'`]");
    private static final Pattern NON_WORD = Pattern.compile("[\\W_]+", Pattern.UNICODE_CHARACTER_CLASS);
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

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ");
        s = APOSTROPHES.matcher(s).replaceAll("");
        return NON_WORD.matcher(s).replaceAll(" ").strip();
    }

    /** A slug for ids: lower-case ASCII letters and digits joined by '-', at most {@code max} characters. */
    public static String slug(String text, int max) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > max) {
            s = s.substring(0, max).replaceAll("-+$", "");
        }
        return s;
    }
}
