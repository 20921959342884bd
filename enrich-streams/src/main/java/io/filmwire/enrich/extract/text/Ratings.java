package io.filmwire.enrich.extract.text;

import io.filmwire.schema.FilmRecord.Rating;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ratings as pages write them: "7.5/10", "9.2/10 428,329 votes", "7.5 (39)", "7.9 (45.3K)",
 * "100%", "3 / 5 (2 votes)", and vote counts ("1,630,326", "45.3K", "1.2M"). Stateless.
 */
public final class Ratings {

    private static final Pattern OUT_OF = Pattern.compile(
            "(?<![\\d.])(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(?:/|of|out of|از)\\s*(10|5|4|100)(?![\\d.])");
    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d{1,3})\\s*%");
    private static final Pattern VALUE_COUNT = Pattern.compile(
            "(?<![\\d.])(\\d(?:[.,]\\d)?)\\s*\\(\\s*(\\d[\\d,.\\s]*[KkMm]?)\\s*\\)");
    private static final Pattern COUNT = Pattern.compile(
            "(?iu)(\\d{1,3}(?:[,.\u202f\u00a0 ]\\d{3})+|\\d+(?:[.,]\\d+)?\\s*[KkMm]\\b|\\d+)\\s*\\+?\\s*"
                    + "(votes?|ratings?|users?|reviews?|user ratings|رای|امتیاز|votos|stimmen)");

    private Ratings() {
    }

    /**
     * A rating in {@code text}: value with its scale, and a vote count when one is stated next to it.
     *
     * @param defaultScale the scale to assume for a bare value such as "7.5 (39)" (10 on most sites)
     */
    public static Optional<Rating> parse(String text, double defaultScale) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Digits.ascii(text);
        Matcher m = OUT_OF.matcher(t);
        if (m.find()) {
            double value = number(m.group(1));
            double scale = Double.parseDouble(m.group(2));
            if (value <= scale) {
                Long count = count(t.substring(m.end())).stream().boxed().findFirst().orElse(null);
                return Optional.of(new Rating(value, scale, count, null));
            }
        }
        Matcher vc = VALUE_COUNT.matcher(t);
        if (vc.find()) {
            double value = number(vc.group(1));
            OptionalLong count = countNumber(vc.group(2));
            if (value <= defaultScale && count.isPresent()) {
                return Optional.of(new Rating(value, defaultScale, count.getAsLong(), null));
            }
        }
        Matcher p = PERCENT.matcher(t);
        if (p.find()) {
            int value = Integer.parseInt(p.group(1));
            if (value <= 100) {
                Long count = count(t.substring(p.end())).stream().boxed().findFirst().orElse(null);
                return Optional.of(new Rating(value, 100, count, null));
            }
        }
        return Optional.empty();
    }

    /** A vote count stated in {@code text} ("428,329 votes", "(45.3K)"). */
    public static OptionalLong count(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = COUNT.matcher(Digits.ascii(text));
        return m.find() ? countNumber(m.group(1)) : OptionalLong.empty();
    }

    /** "1,630,326" -> 1630326; "45.3K" -> 45300; "1.2M" -> 1200000; "39" -> 39. */
    public static OptionalLong countNumber(String raw) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        String s = Digits.ascii(raw).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "");
        try {
            char last = Character.toLowerCase(s.isEmpty() ? ' ' : s.charAt(s.length() - 1));
            if (last == 'k' || last == 'm') {
                BigDecimal n = new BigDecimal(s.substring(0, s.length() - 1).replace(',', '.'));
                return OptionalLong.of(n.multiply(BigDecimal.valueOf(last == 'k' ? 1_000 : 1_000_000)).longValue());
            }
            if (CompiledRx.P1.matcher(s).matches()) {
                return OptionalLong.of(Long.parseLong(CompiledRx.P2.matcher(s).replaceAll("")));
            }
            if (CompiledRx.P3.matcher(s).matches()) {
                return OptionalLong.of(Long.parseLong(s));
            }
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** A decimal with either separator: "7,5" -> 7.5. */
    public static double number(String raw) {
        return Double.parseDouble(Digits.ascii(raw).strip().replace(',', '.').toLowerCase(Locale.ROOT));
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\d{1,3}([,.]\\d{3})+");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("[,.]");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("\\d+");

        private CompiledRx() {
        }
    }
}
