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

    private static final Pattern DATE_YEAR = Pattern.compile("(?<!\\d)\\d{1,2}[/.-]\\d{1,2}[/.-]((?:18|19|20)\\d\\d)(?!\\d)");

    /** The first plausible year in {@code text}, also inside a numeric date ("07/03/2019"). */
    public static OptionalInt firstOrInDate(String text) {
        OptionalInt y = first(text);
        if (y.isPresent() || text == null) {
            return y;
        }
        Matcher m = DATE_YEAR.matcher(Digits.ascii(text));
        if (m.find() && plausible(Integer.parseInt(m.group(1)))) {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        }
        return OptionalInt.empty();
    }

    /** True for a year a film can have been released in. */
    public static boolean plausible(int year) {
        return year >= 1874 && year <= Year.now().getValue() + 3;
    }
}
