package io.filmwire.enrich.extract.text;

import io.filmwire.enrich.extract.signals.Words;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Country names as film pages print them in fact lines ("Greece, 2009", "USA-Germany 2020",
 * "ארה"ב / 1976"): every ISO 3166 country's name in the languages the labels cover (from the JDK's
 * locale data), and the abbreviations pages use ("USA", "UK", "EUA", "США"). A country is never a
 * person. Stateless.
 */
public final class Countries {

    private static final Set<String> NAMES = new HashSet<>();
    private static final String[] LANGUAGES = {"en", "es", "fr", "de", "it", "pt", "ru", "he", "zh", "ja", "ko", "tr",
            "fa", "ar", "pl", "nl", "sv", "da", "no", "fi", "cs", "hu", "ro", "el", "uk"};

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (String lang : LANGUAGES) {
                String name = country.getDisplayCountry(Locale.forLanguageTag(lang));
                if (!name.isBlank() && !name.equals(code)) {
                    NAMES.add(Words.key(name));
                }
            }
        }
        for (String abbreviation : new String[] {"USA", "US", "U.S.", "U.S.A.", "UK", "U.K.", "EUA", "EE.UU.", "EEUU",
                "США", "СССР", "USSR", "Soviet Union", "West Germany", "East Germany", "Yugoslavia",
                "Czechoslovakia", "ארה\"ב", "ארה״ב", "בריטניה", "England", "Scotland", "Wales", "Hong Kong",
                "Taiwan", "Palestine", "Korea", "South Korea", "North Korea", "RFA", "RDA", "Великобритания",
                "Франция", "Германия", "Италия", "Япония", "Канада", "Россия", "美国", "中国大陆", "中国香港",
                "日本", "英国", "法国", "韩国", "Estados Unidos", "Reino Unido"}) {
            NAMES.add(Words.key(abbreviation));
        }
        NAMES.remove("");
    }

    private static final java.util.regex.Pattern JOINERS = java.util.regex.Pattern.compile(
            "\\s*(?:[-–/,;|]|\\s&\\s|\\sand\\s|\\sy\\s|\\se\\s|\\set\\s)\\s*");

    private Countries() {
    }

    /** True when {@code t} holds a character that {@link #JOINERS} needs: a joining sign or a space. */
    private static boolean joinable(String t) {
        for (int i = 0, n = t.length(); i < n; i++) {
            char c = t.charAt(i);
            if (TextScan.isRegexSpace(c) || c == '-' || c == '–' || c == '/' || c == ',' || c == ';' || c == '|' || c == '&') {
                return true;
            }
        }
        return false;
    }

    /** True when {@code text} is one country's name, or several joined by "-", "/" or "," ("USA-Germany"). */
    public static boolean isCountry(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 80) {
            return false;
        }
        int spaces = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c) || c == ' ' && ++spaces > 5) {
                return false; // no country has digits or six words
            }
        }
        if (NAMES.contains(Words.key(t))) {
            return true;
        }
        if (!joinable(t)) {
            return false; // no joiner: one name, already looked up
        }
        String[] parts = JOINERS.split(t);
        if (parts.length < 2) {
            return false;
        }
        for (String p : parts) {
            if (!NAMES.contains(Words.key(p))) {
                return false;
            }
        }
        return true;
    }
}
