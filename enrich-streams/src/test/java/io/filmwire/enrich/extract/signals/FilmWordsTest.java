package io.filmwire.enrich.extract.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FilmWordsTest {

    @Test
    void countsWholeFilmWordsInAnyCase() {
        assertEquals(3, FilmWords.count("A FILM, two Movies and a documentary."));
        assertEquals(0, FilmWords.count("Filmore street, filming rights, moviegoer"));
        assertEquals(2, FilmWords.count("the cinematographer of the Cinémathèque"));
        assertEquals(2, FilmWords.count("фильмы в кинотеатре"));
        assertEquals(1, FilmWords.count("a 1970s sci-fi epic"));
        assertEquals(1, FilmWords.count("rom-coms"));
        assertEquals(0, FilmWords.count("sci-tech rom-ance"));
    }

    @Test
    void findsWordsOfScriptsThatDoNotSeparateThem() {
        assertEquals(2, FilmWords.count("这部电影是一部好电影"));
        assertEquals(1, FilmWords.count("הסרטים החדשים"));
        assertEquals(1, FilmWords.count("بهترین فیلم"));
    }

    @Test
    void stopsAtTheBound() {
        assertEquals(2, FilmWords.count("film film film film", 2));
        assertTrue(FilmWords.has("2film"));
        assertFalse(FilmWords.has("filmore"));
        assertFalse(FilmWords.has(null));
    }

    @Test
    void isLinearOnLongText() {
        String text = "word ".repeat(200_000) + "film";
        assertEquals(1, FilmWords.count(text));
    }

    @Test
    void anAsciiWordComparedInPlaceIsJudgedAsTheLowerCasedWord() {
        String[] pieces = {"f", "F", "il", "IL", "m", "M", "s", "movie", "MOV", "ie", "cinema", "Cine", "ma", "tic", "kino",
            "KIN", "o", "doc", "umentar", "y", "ies", "noir", "Thriller", "rom", "-", "com", "sci", "fi", "x", "horror"};
        Random r = new Random(31);
        int words = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String word = sb.toString();
            if (word.length() < 3 || word.length() > 24) {
                continue;
            }
            boolean expected = FilmWords.isWord(word.toLowerCase(Locale.ROOT));
            words += expected ? 1 : 0;
            assertEquals(expected, FilmWords.isAsciiWord("<" + word + ">", 1, word.length() + 1), word);
        }
        assertTrue(words > 2_000, "the random words are film words often enough: " + words);
    }
}
