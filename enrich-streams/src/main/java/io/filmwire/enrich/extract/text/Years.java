package io.filmwire.enrich.extract.text;

import java.time.Year;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Release years: four digits from 1874 (the first film) to next year, in any script's digits. Stateless. */
public final class Years {

    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,/-])(1[89]\\d\\d|20\\d\\d)(?![\\d.,]\\d)");

    private Years() {
    }

    /** The first plausible film year in {@code text}. */
    public static OptionalInt first(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher m = YEAR.matcher(Digits.ascii(text));
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (plausible(y)) {
                return OptionalInt.of(y);
            }
        }
        return OptionalInt.empty();
    }

    /** True for a year a film can have been released in. */
    public static boolean plausible(int year) {
        return year >= 1874 && year <= Year.now().getValue() + 3;
    }
}
