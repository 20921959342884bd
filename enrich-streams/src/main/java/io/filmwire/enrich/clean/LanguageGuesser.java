package io.filmwire.enrich.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text as an ISO 639 code (two letters where the language has them, "en", "de";
 * else three), with Apache OpenNLP's language detector (model {@code langdetect-183.bin} from the
 * {@code opennlp-models-langdetect} jar, loaded once per JVM on first use, about 0.3 s), ranked by
 * {@link LanguageRanking} as the detector ranks them. Thread-safe: one ranking per thread over the shared model.
 */
final class LanguageGuesser {

    private static final String MODEL = "/langdetect-183.bin";
    /** Characters of text looked at: plenty for a confident guess, and bounded time on huge pages. */
    private static final int SAMPLE = 600;
    private static final int MIN_LETTERS = 40;
    /** How far ahead of the next language a guess must be to overrule the page's declared language. */
    private static final double CLEAR_LEAD = 1.5;
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();
    private static final ThreadLocal<LanguageRanking> DETECTOR =
            ThreadLocal.withInitial(() -> new LanguageRanking(Model.INSTANCE));

    private LanguageGuesser() {
    }

    /** Loads the model on first use (class initialisation is thread-safe and happens once). */
    static final class Model {
        static final LanguageDetectorModel INSTANCE = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageGuesser.class.getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("language model " + MODEL + " is not on the classpath"
                            + " (dependency org.apache.opennlp:opennlp-models-langdetect)");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read language model " + MODEL, e);
            }
        }
    }

    /**
     * The language of {@code text}, or {@code declared} (normalised, e.g. "en-US" -> "en") when the
     * text is too short, or the guess is not clearly ahead of the declared language; null when
     * neither says.
     */
    static String guess(String text, String declared) {
        String fallback = normalise(declared);
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return fallback;
        }
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        Language[] ranked = DETECTOR.get().rank(sample);
        if (ranked.length == 0) {
            return fallback;
        }
        String best = iso(ranked[0].getLang());
        if (fallback == null || fallback.equals(best)) {
            return best;
        }
        for (int i = 1; i < Math.min(3, ranked.length); i++) {
            if (iso(ranked[i].getLang()).equals(fallback) && ranked[0].getConfidence() < CLEAR_LEAD * ranked[i].getConfidence()) {
                return fallback;
            }
        }
        boolean clear = ranked.length < 2 || ranked[0].getConfidence() >= CLEAR_LEAD * ranked[1].getConfidence();
        return clear ? best : fallback;
    }

    /** "en-US", "EN", "eng" -> "en"; null for blank or unusable values. */
    static String normalise(String declared) {
        if (declared == null) {
            return null;
        }
        String code = declared.strip().toLowerCase(Locale.ROOT);
        int cut = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        if (cut >= 0) {
            code = code.substring(0, cut);
        }
        if (!CompiledRx.P1.matcher(code).matches()) {
            return null;
        }
        return iso(code);
    }

    private static String iso(String code) {
        return TWO_LETTER.getOrDefault(code, code);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code: nothing to map
            }
        }
        // individual languages the detector names where ISO 639-1 has only the macrolanguage
        map.put("cmn", "zh");
        map.put("arb", "ar");
        map.put("pes", "fa");
        map.put("zsm", "ms");
        map.put("nob", "no");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("swh", "sw");
        map.put("uzn", "uz");
        return map;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("[a-z]{2,3}");

        private CompiledRx() {
        }
    }
}
