package io.filmwire.enrich.extract.signals;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word "film" (and "movie", "cinema", "documentary") in the languages the labels cover, and
 * links whose path names a film page. A page where these words are frequent, or whose site is
 * named for films, is about films; a news site's page mostly is not. Stateless.
 */
public final class FilmWords {

    private static final Pattern WORD = Pattern.compile(
            "(?iu)(?<!\\p{L})(films?|movies?|filmes?|pel[ií]culas?|documentar(?:y|ies|io|ios)|cin[ée]ma\\w*|cine|"
                    + "kino\\w*|фильм\\w*|кино\\w*|cinemat\\w+|filmy?|sinema|"
                    // kinds of film: "Frank Capra's deliriously dark melodrama"
                    + "melodramas?|thrillers?|westerns?|comed(?:y|ies)|rom-?coms?|biopics?|policiers?|noirs?|"
                    + "musicals?|animations?|animated|anime|sci-fi|horror|documentaries|dramas?|screenplay|"
                    + "directorial|filmmakers?|auteurs?)(?!\\p{L})|电影|影片|映画|영화|סרט\\p{L}*|סינמטק|فیلم|فيلم|سینما");
    /** A path that names a film page: a film word followed by an identifier ("/film/brat-1997", "filme.php?cf=7128"). */
    private static final Pattern FILM_URL = Pattern.compile(
            "(?iu)/(?:films?|filmes?|movies?|movie-info|film-info|pel[ií]culas?|kino|фильм|film\\.php|filme\\.php|"
                    + "movie\\.php|title)(?:[/._?=-]+(?:[^/?#\\s]*\\d[^/?#\\s]*|[^/?#\\s]*[\\p{L}][-_][\\p{L}][^/?#\\s]*))");

    private FilmWords() {
    }

    /** How many times {@code text} says "film" or one of its words. */
    public static int count(String text) {
        return count(text, Integer.MAX_VALUE);
    }

    /** As {@link #count(String)}, stopping at {@code max}. */
    public static int count(String text, int max) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (n < max && m.find()) {
            n++;
        }
        return n;
    }

    /** True when {@code text} says "film" or one of its words. */
    public static boolean has(String text) {
        return text != null && WORD.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** True for a link to a page about one film, by the words of its path. */
    public static boolean isFilmUrl(String href) {
        return href != null && FILM_URL.matcher(href).find();
    }
}
