package io.filmwire.enrich.extract.signals;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word "film" (and "movie", "cinema", "documentary") in the languages the labels cover, and
 * links whose path names a film page. A page where these words are frequent, or whose site is
 * named for films, is about films; a news site's page mostly is not. Stateless.
 */
public final class FilmWords {

    /** Film words matched as whole words, case aside. */
    private static final Set<String> WORDS = Set.of("film", "films", "filmy", "movie", "movies", "filme", "filmes",
            "pelicula", "peliculas", "película", "películas", "documentary", "documentaries", "documentario",
            "documentarios", "cine", "sinema",
            // kinds of film: "Frank Capra's deliriously dark melodrama"
            "melodrama", "melodramas", "thriller", "thrillers", "western", "westerns", "comedy", "comedies",
            "romcom", "romcoms", "rom-com", "rom-coms", "biopic", "biopics", "policier", "policiers", "noir", "noirs",
            "musical", "musicals", "animation", "animations", "animated", "anime", "sci-fi", "horror", "drama",
            "dramas", "screenplay", "directorial", "filmmaker", "filmmakers", "auteur", "auteurs");
    /** Starts of film words: "cinematic", "cinémathèque", "kinoteatr", "фильмы", "кинотеатр". */
    private static final String[] PREFIXES = {"cinema", "cinéma", "kino", "фильм", "кино"};
    /** Film words of scripts that do not separate words, or that join them to a particle: found anywhere. */
    private static final String[] INFIXES = {"电影", "影片", "映画", "영화", "סינמטק", "סרט", "فیلم", "فيلم", "سینما"};
    /** Words joined by a hyphen into one film word ("sci-fi", "rom-com"). */
    private static final Set<String> JOINED = Set.of("sci", "rom");

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

    /**
     * As {@link #count(String)}, stopping at {@code max}. One pass over the text, word by word (a word
     * is a run of letters), each word looked up: linear in the text, whatever it holds.
     */
    public static int count(String text, int max) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int n = 0;
        int len = text.length();
        int i = 0;
        while (i < len && n < max) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean wide = false;
            boolean ascii = true;
            while (i < len && Character.isLetter(text.charAt(i))) {
                wide |= text.charAt(i) >= 0x0590;
                ascii &= text.charAt(i) < 128;
                i++;
            }
            int end = i;
            if (i + 1 < len && text.charAt(i) == '-' && Character.isLetter(text.charAt(i + 1))
                    && JOINED.contains(text.substring(start, end).toLowerCase(Locale.ROOT))) {
                i++;
                while (i < len && Character.isLetter(text.charAt(i))) {
                    ascii &= text.charAt(i) < 128;
                    i++;
                }
                end = i;
            }
            n += wide ? infixes(text, start, end) : 0;
            if (end - start >= 3 && end - start <= 24 && (ascii ? isAsciiWord(text, start, end)
                    : isWord(text.substring(start, end).toLowerCase(Locale.ROOT)))) {
                n++;
            }
        }
        return Math.min(n, max);
    }

    /** The ASCII words of {@link #WORDS} and {@link #PREFIXES} by length: a word of ASCII letters is compared in place. */
    private static final String[][] ASCII_BY_LENGTH = asciiByLength();
    private static final String[] ASCII_PREFIXES = java.util.Arrays.stream(PREFIXES)
            .filter(p -> p.chars().allMatch(c -> c < 128)).toArray(String[]::new);

    private static String[][] asciiByLength() {
        String[][] byLength = new String[25][];
        for (int length = 0; length < byLength.length; length++) {
            int l = length;
            byLength[length] = WORDS.stream().filter(w -> w.length() == l && w.chars().allMatch(c -> c < 128))
                    .sorted().toArray(String[]::new);
        }
        return byLength;
    }

    /**
     * {@link #isWord} of text[start, end) lower-cased, for a word of ASCII characters (ASCII lower-casing is
     * all that {@code toLowerCase} does to it), without making the word.
     */
    static boolean isAsciiWord(String text, int start, int end) {
        for (String w : ASCII_BY_LENGTH[end - start]) {
            if (sameLower(text, start, w)) {
                return true;
            }
        }
        for (String prefix : ASCII_PREFIXES) {
            if (end - start >= prefix.length() && sameLower(text, start, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether text, lower-cased from {@code start}, begins with the lower-case ASCII {@code word}. */
    private static boolean sameLower(String text, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(start + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean isWord(String word) {
        if (WORDS.contains(word)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Film words of the non-separating scripts inside text[start, end), left to right, not overlapping. */
    private static int infixes(String text, int start, int end) {
        int n = 0;
        int i = start;
        outer:
        while (i < end) {
            for (String w : INFIXES) {
                if (text.startsWith(w, i) && i + w.length() <= end) {
                    n++;
                    i += w.equals("סרט") ? end - i : w.length();
                    continue outer;
                }
            }
            i++;
        }
        return n;
    }

    /** True when {@code text} says "film" or one of its words. */
    public static boolean has(String text) {
        return count(text, 1) > 0;
    }

    /** True for a link to a page about one film, by the words of its path. */
    public static boolean isFilmUrl(String href) {
        return href != null && FILM_URL.matcher(href).find();
    }
}
