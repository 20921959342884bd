package io.filmwire.enrich.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text as an ISO 639 code (two letters where the language has them, "en", "de";
 * else three), with Apache OpenNLP's language detector (model {@code langdetect-183.bin} from the
 * {@code opennlp-models-langdetect} jar, loaded once per JVM on first use, about 0.3 s). Thread-safe:
 * one detector per thread over the shared model.
 */
final class LanguageGuesser {

    private static final String MODEL = "/langdetect-183.bin";
    /** Characters of text looked at: plenty for a confident guess, and bounded time on huge pages. */
    private static final int SAMPLE = 3000;
    private static final int MIN_LETTERS = 40;
    private static final double MIN_CONFIDENCE = 0.5;
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();
    private static final ThreadLocal<LanguageDetectorME> DETECTOR =
            ThreadLocal.withInitial(() -> new LanguageDetectorME(Model.INSTANCE));

    private LanguageGuesser() {
    }

    /** Loads the model on first use (class initialisation is thread-safe and happens once). */
    private static final class Model {
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
     * text is too short or the guess unsure; null when neither says.
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
        Language best = DETECTOR.get().predictLanguage(sample);
        if (best == null || best.getConfidence() < MIN_CONFIDENCE && fallback != null) {
            return fallback;
        }
        String code = iso(best.getLang());
        if (fallback != null && !fallback.equals(code) && best.getConfidence() < 0.9) {
            return fallback;
        }
        return code;
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
        if (!code.matches("[a-z]{2,3}")) {
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
}
