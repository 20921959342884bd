package io.filmwire.publish;

import io.filmwire.schema.FilmRecord;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code GET /api/films?q=} matches: the query, folded, within a film's folded title, one of
 * its aliases or the name of one of its people. Folding ignores case and accents ({@code Nausicaa}
 * finds {@code Nausicaä}, {@code bjork} finds {@code Björk}) and squeezes runs of spaces.
 */
final class FilmSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String folded;

    FilmSearch(String query) {
        this.folded = query == null ? "" : fold(query);
    }

    /** True for every film when the query is blank. */
    boolean matches(FilmRecord film) {
        if (folded.isEmpty() || fold(film.title()).contains(folded)) {
            return true;
        }
        for (String alias : film.aliases()) {
            if (fold(alias).contains(folded)) {
                return true;
            }
        }
        for (FilmRecord.Credit credit : film.credits()) {
            if (credit.name() != null && fold(credit.name()).contains(folded)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without combining marks (after decomposition), ø/æ/ß and the like spelled out, spaces squeezed. */
    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        d = MARKS.matcher(d).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ß", "ss").replace("ł", "l")
                .replace("đ", "d").replace("ı", "i");
        return SPACES.matcher(d).replaceAll(" ").strip();
    }
}
