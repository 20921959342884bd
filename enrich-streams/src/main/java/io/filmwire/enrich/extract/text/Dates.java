package io.filmwire.enrich.extract.text;

import java.text.DateFormatSymbols;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Dates and clock times in running text ("November 19, 2019", "19 нояб. 2019", "2019-11-19",
 * "9:02 AM", "20:00"), told apart from film facts: a year inside a date is a publication or
 * screening date, and a clock time is no running time. Month names come from the JDK's locale data
 * for the languages the labels cover. Stateless.
 */
public final class Dates {

    private static final Set<String> MONTHS = new HashSet<>();
    private static final String[] LANGUAGES = {"en", "es", "fr", "de", "it", "pt", "ru", "tr", "pl", "nl", "sv", "da",
            "no", "fi", "cs", "hu", "ro", "el", "uk", "he"};

    static {
        for (String lang : LANGUAGES) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(Locale.forLanguageTag(lang));
            for (String[] names : new String[][] {symbols.getMonths(), symbols.getShortMonths()}) {
                for (String m : names) {
                    String k = m.toLowerCase(Locale.ROOT).replace(".", "").strip();
                    if (k.length() >= 3) {
                        MONTHS.add(k);
                    }
                }
            }
        }
        MONTHS.add("sept");
    }

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<!\\d)(?:(?:18|19|20)\\d\\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])"
                    + "|(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:18|19|20)?\\d\\d)(?!\\d)");
    private static final Pattern CLOCK = Pattern.compile("(?iu)(?<![\\d:])(?:[01]?\\d|2[0-3]):[0-5]\\d(?:\\s*[ap]\\.?m\\.?)?(?![\\d])"
            + "|(?<!\\d)(?:1[0-2]|0?[1-9])\\s*[ap]\\.?m\\.?(?!\\p{L})");
    private static final Pattern DAY_NUMBER = Pattern.compile("(?<!\\d)(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th|er|º|\\.)?(?!\\d)");

    private Dates() {
    }

    /** True when {@code text} holds a calendar date (a month name beside a day number, or a numeric date). */
    public static boolean hasDate(String text) {
        if (text == null || !TextScan.hasAsciiDigit(text)) {
            return false; // both kinds of date hold a day number
        }
        boolean separator = text.indexOf('-') >= 0 || text.indexOf('/') >= 0 || text.indexOf('.') >= 0;
        if (separator && NUMERIC.matcher(text).find()) {
            return true;
        }
        // a month's name: each run of letters of the text in lower case
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0, n = lower.length(); i < n; ) {
            int cp = lower.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(cp = lower.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            if (i - start >= 3 && MONTHS.contains(lower.substring(start, i))) {
                return DAY_NUMBER.matcher(text).find();
            }
        }
        return false;
    }

    /** True when {@code text} holds a clock time ("9:02 AM", "20:00", "7pm"). */
    public static boolean hasClockTime(String text) {
        // "9:02", "7pm": a colon or an m beside the digits
        return text != null && TextScan.hasAsciiDigit(text) && (text.indexOf(':') >= 0 || text.indexOf('m') >= 0
                || text.indexOf('M') >= 0) && CLOCK.matcher(text).find();
    }
}
