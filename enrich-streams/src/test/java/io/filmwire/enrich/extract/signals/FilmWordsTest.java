package io.filmwire.enrich.extract.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
