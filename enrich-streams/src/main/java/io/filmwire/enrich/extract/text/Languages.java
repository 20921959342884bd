package io.filmwire.enrich.extract.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Language names as records give them: English names ("Japanese", "English (United Kingdom)"),
 * from ISO 639 codes ("ja", "fa-IR"), and from names in Persian, Spanish, French and German pages.
 * A word that is not a language is refused, so label values like "Color" never become one. Stateless.
 */
public final class Languages {

    private static final Map<String, String> NAMES = new HashMap<>();
    /** The languages whose names of languages are known (those the labels cover). */
    private static final Locale[] DISPLAY_LOCALES = java.util.stream.Stream.of("es", "fr", "de", "it", "pt", "he", "ru",
            "zh", "ja", "ko", "tr", "pl", "nl", "ar", "fa").map(Locale::forLanguageTag).toArray(Locale[]::new);

    static {
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            String english = locale.getDisplayLanguage(Locale.ENGLISH);
            if (!english.isBlank() && !english.equalsIgnoreCase(code)) {
                NAMES.putIfAbsent(key(english), english);
                NAMES.putIfAbsent(code, english);
                String own = locale.getDisplayLanguage(locale);
                if (!own.isBlank()) {
                    NAMES.putIfAbsent(key(own), english);
                }
                for (Locale in : DISPLAY_LOCALES) {
                    String name = locale.getDisplayLanguage(in);
                    if (!name.isBlank()) {
                        NAMES.putIfAbsent(key(name), english);
                    }
                }
            }
        }
        // names pages use that Java does not list as languages of their own
        for (String name : new String[] {"Mandarin", "Cantonese", "Filipino", "Tagalog", "Hokkien", "Shanghainese",
                "Teochew", "Hakka", "Min Nan", "American Sign Language", "British Sign Language", "Sign Language",
                "Aramaic", "Klingon", "Esperanto", "Latin", "Ancient Greek", "Old English", "Swiss German",
                "Flemish", "Brazilian Portuguese", "Dari", "Pashto", "Kurdish", "Haitian Creole", "Creole",
                "Romany", "Yiddish", "Inuktitut", "Maori", "Nyanja", "Southern Sotho", "Northern Sotho"}) {
            NAMES.put(key(name), name);
        }
        String[][] persian = {
                {"فارسی", "Persian"}, {"انگلیسی", "English"}, {"هندی", "Hindi"}, {"فرانسوی", "French"},
                {"آلمانی", "German"}, {"اسپانیایی", "Spanish"}, {"ایتالیایی", "Italian"}, {"ژاپنی", "Japanese"},
                {"کره ای", "Korean"}, {"کره‌ای", "Korean"}, {"چینی", "Chinese"}, {"ماندارین", "Mandarin"},
                {"کانتونی", "Cantonese"}, {"روسی", "Russian"}, {"ترکی", "Turkish"}, {"عربی", "Arabic"},
                {"پرتغالی", "Portuguese"}, {"سوئدی", "Swedish"}, {"دانمارکی", "Danish"}, {"نروژی", "Norwegian"},
                {"لهستانی", "Polish"}, {"تامیل", "Tamil"}, {"تلوگو", "Telugu"}, {"اردو", "Urdu"}, {"عبری", "Hebrew"},
                {"یونانی", "Greek"}, {"هلندی", "Dutch"}, {"تایلندی", "Thai"}, {"کردی", "Kurdish"}, {"ملایالم", "Malayalam"},
                {"بنگالی", "Bengali"}, {"پنجابی", "Punjabi"}, {"مراتی", "Marathi"}, {"کانادا", "Kannada"}};
        for (String[] p : persian) {
            NAMES.put(key(p[0]), p[1]);
        }
    }

    private Languages() {
    }

    private static String key(String s) {
        return TextScan.collapseRegexSpace(s.strip().toLowerCase(Locale.ROOT).replace('\u200c', ' '));
    }

    /**
     * The English name of the language {@code raw} names, or empty when it names none.
     * "English (United Kingdom)" keeps its variety; a code such as "fa-IR" becomes "Persian".
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = TextScan.stripRuns(raw.strip(), c -> TextScan.isRegexSpace(c) || ",;|•·-".indexOf(c) >= 0,
                c -> TextScan.isRegexSpace(c) || ",;|•·.-".indexOf(c) >= 0);
        if (s.isEmpty() || s.length() > 60) {
            return Optional.empty();
        }
        String direct = NAMES.get(key(s));
        if (direct != null) {
            return Optional.of(direct);
        }
        int paren = s.indexOf('(');
        if (paren > 0 && s.endsWith(")")) {
            String base = NAMES.get(key(s.substring(0, paren)));
            if (base != null) {
                return Optional.of(base + " " + s.substring(paren));
            }
        }
        if (CompiledRx.P3.matcher(s).matches()) {
            String code = CompiledRx.P4.split(s)[0].toLowerCase(Locale.ROOT);
            String name = NAMES.get(code);
            if (name != null) {
                return Optional.of(name);
            }
        }
        char last = TextScan.lastBeforeLineEnd(s);
        String noLanguageWord = last == 'e' || last == 'E' ? CompiledRx.P5.matcher(s).replaceAll("") : s;
        if (noLanguageWord.startsWith("زبان")) {
            noLanguageWord = CompiledRx.P6.matcher(noLanguageWord).replaceAll("");
        }
        if (!noLanguageWord.equals(s)) {
            return normalise(noLanguageWord);
        }
        return Optional.empty();
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("^[\\s,;|•·-]+|[\\s,;|•·.-]+$");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z]{2,4})?");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("[-_]");
        static final java.util.regex.Pattern P5 = java.util.regex.Pattern.compile("(?i)\\s+language$");
        static final java.util.regex.Pattern P6 = java.util.regex.Pattern.compile("^زبان\\s+");

        private CompiledRx() {
        }
    }
}
