package io.filmwire.enrich.extract.text;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Running times in minutes from the ways pages write them: "142 min", "1h 43m", "1 hr. 50 min.",
 * "2 hours 3 minutes", "PT1H50M", "57m", "110 minutes", "۱ ساعت و ۵۰ دقیقه", and vague prose
 * ("just under an hour", which {@link #vague} reads as an approximation). Stateless.
 */
public final class Runtimes {

    private static final Pattern ISO = Pattern.compile("(?i)\\bPT(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?\\b");
    private static final String H = "(?:h|hr|hrs|hour|hours|heure|heures|hora|horas|std|stunde|stunden|ساعت|ore|ora|ч|час|часа|часов|시간|小时|小時|時間|saat)\\.?";
    private static final String M = "(?:m|min|mins|minute|minutes|minuto|minutos|minuten|minuti|mn|dakika|dk|دقیقه|دقيقة|"
            + "мин|минут|минуты|분|分钟|分鐘|分)\\.?";
    private static final Pattern HOURS_MINUTES = Pattern.compile(
            "(?iu)(?<![\\d.])(\\d{1,2})\\s*" + H + "\\s*(?:,|and|و|y|et|und|e)?\\s*(\\d{1,2})\\s*" + M + "(?![\\p{L}])");
    private static final Pattern HOURS_ONLY = Pattern.compile("(?iu)(?<![\\d.])(\\d{1,2})\\s*" + H + "(?![\\p{L}])");
    private static final Pattern MINUTES = Pattern.compile("(?iu)(?<![\\d.:/])(\\d{1,4})\\s*[-\u2010]?\\s*" + M + "(?![\\p{L}])");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])(\\d):([0-5]\\d)(?::[0-5]\\d)?(?![\\d:])");

    private Runtimes() {
    }

    /** The first running time stated in {@code text}, in minutes; empty when none or implausible. */
    public static OptionalInt parse(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        String t = Digits.ascii(text);
        Matcher iso = ISO.matcher(t);
        if (iso.find() && (iso.group(1) != null || iso.group(2) != null || iso.group(3) != null)) {
            int h = iso.group(1) == null ? 0 : Integer.parseInt(iso.group(1));
            int m = iso.group(2) == null ? 0 : Integer.parseInt(iso.group(2));
            // "PT6556S": a running time given in seconds
            int sec = iso.group(3) == null || iso.group(3).length() > 6 ? 0 : Integer.parseInt(iso.group(3));
            return plausible(h * 60 + m + Math.round(sec / 60f));
        }
        Matcher hm = HOURS_MINUTES.matcher(t);
        Matcher mi = MINUTES.matcher(t);
        Matcher ho = HOURS_ONLY.matcher(t);
        int hmAt = hm.find() ? hm.start() : Integer.MAX_VALUE;
        int miAt = mi.find() ? mi.start() : Integer.MAX_VALUE;
        int hoAt = ho.find() ? ho.start() : Integer.MAX_VALUE;
        if (hmAt != Integer.MAX_VALUE && hmAt <= miAt) {
            return plausible(Integer.parseInt(hm.group(1)) * 60 + Integer.parseInt(hm.group(2)));
        }
        if (miAt != Integer.MAX_VALUE && miAt <= hoAt) {
            return plausible(Integer.parseInt(mi.group(1)));
        }
        if (hoAt != Integer.MAX_VALUE) {
            return plausible(Integer.parseInt(ho.group(1)) * 60);
        }
        Matcher clock = CLOCK.matcher(t);
        if (clock.find()) {
            return plausible(Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2)));
        }
        return OptionalInt.empty();
    }

    private static final Pattern NOT_A_RUNTIME_AFTER = Pattern.compile(
            "(?iu)^\\s*(read|reading|ago|walk|drive|away|left|remaining|later|before|after|late|early|from|to go|"
                    + "of (reading|video|footage)|video|clip|podcast|listen|watch(ed)?|per|a day|a week)\\b");
    private static final Pattern STATED = Pattern.compile(
            "(?iu)(?<![\\d.:])(\\d{1,2})\\s*" + H + "\\s*(?:,|and|y|et|und|e)?\\s*(\\d{1,2})\\s*" + M + "(?![\\p{L}])"
                    + "|(?<![\\d.:/])(\\d{1,3})\\s*[-\u2010]?\\s*(?:min|mins|minute|minutes|minuto|minutos|minuten|minuti|mn|"
                    + "dakika|دقیقه|دقيقة|мин|минут|минуты|분|分钟|分鐘|分)\\.?(?![\\p{L}])");

    /**
     * A running time stated without a label, read strictly: an explicit unit ("94 min", "1h 34min",
     * "2 hours 41 minutes"), no clock time, and not a duration of something else ("2 min read",
     * "5 minutes ago", "10 minutes walk"). For fact strips, bullets and listing items.
     */
    public static OptionalInt stated(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        String t = Digits.ascii(text);
        if (!TextScan.hasAsciiDigit(t)) {
            return OptionalInt.empty(); // both patterns read a number of ASCII digits (\\d without the Unicode flag)
        }
        Matcher m = STATED.matcher(t);
        while (m.find()) {
            if (NOT_A_RUNTIME_AFTER.matcher(t.substring(m.end())).lookingAt()) {
                continue;
            }
            int minutes = m.group(1) != null ? Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2))
                    : Integer.parseInt(m.group(3));
            OptionalInt p = plausible(minutes);
            if (p.isPresent() && minutes >= 3) {
                return p;
            }
        }
        Matcher hours = HOURS_ONLY.matcher(t);
        if (hours.find() && !NOT_A_RUNTIME_AFTER.matcher(t.substring(hours.end())).lookingAt()
                && !CompiledRx.P1.matcher(t.substring(hours.end())).matches()) {
            int h = Integer.parseInt(hours.group(1));
            return h >= 1 && h <= 6 ? OptionalInt.of(h * 60) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static final Pattern VAGUE = Pattern.compile(
            "(?i)\\b(just |a little |slightly |a bit )?(under|over|less than|more than|nearly|almost|about|around|roughly|barely|just)?\\s*"
                    + "(half an hour|an hour and a half|an hour|one hour|two hours|three hours|a couple of hours)\\b");

    /**
     * A vague running time in prose ("runs for just under an hour"), as an approximate number of
     * minutes; empty when the text has none. Only ever evidence of the lowest confidence.
     */
    public static OptionalInt vague(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher m = VAGUE.matcher(text);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        int base = switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "half an hour" -> 30;
            case "an hour and a half" -> 90;
            case "two hours", "a couple of hours" -> 120;
            case "three hours" -> 180;
            default -> 60;
        };
        String qualifier = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        int delta = switch (qualifier) {
            case "under", "less than", "nearly", "almost", "barely" -> -5;
            case "over", "more than" -> 5;
            default -> 0;
        };
        return OptionalInt.of(base + delta);
    }

    private static OptionalInt plausible(int minutes) {
        return minutes >= 1 && minutes <= 1500 ? OptionalInt.of(minutes) : OptionalInt.empty();
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("(?s)\\s*\\d.*");

        private CompiledRx() {
        }
    }
}
