package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.Dates;
import io.filmwire.enrich.extract.text.Digits;
import io.filmwire.enrich.extract.text.Ratings;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.extract.text.Years;
import io.filmwire.enrich.model.Layer;
import java.util.List;

/**
 * Layer 2 for fact bullets: short items that are each one fact, on one line ("2018 • 24 min •
 * 7.5 (39)") or one per line ("• 2018", "• 24 min"): a year alone, a running time alone, a rating
 * with its vote count. Longer items are not read. Stateless.
 */
public final class FactBullets {

    private static final String SEPARATORS = "\\s*[•·|]\\s*";

    /** Adds the facts of the bullet lines among {@code lines}. */
    public void extract(List<String> lines, WorkFacts facts) {
        for (String raw : lines) {
            String line = Digits.ascii(raw).strip();
            if (line.length() > 80 || !(line.startsWith("•") || line.startsWith("·") || line.contains(" • ")
                    || line.contains(" · "))) {
                continue;
            }
            for (String item : line.split(SEPARATORS)) {
                read(item.strip(), raw.strip(), facts);
            }
        }
    }

    private static void read(String item, String evidence, WorkFacts facts) {
        if (item.isEmpty() || item.length() > 24) {
            return;
        }
        if (CompiledRx.P1.matcher(item).matches()) {
            int year = Integer.parseInt(item);
            if (Years.plausible(year)) {
                facts.year(year, Layer.SEMI_STRUCTURED, evidence, 0.75);
            }
            return;
        }
        var rating = Ratings.parse(item, 10);
        if (rating.isPresent() && rating.get().count() != null) {
            facts.rating(rating.get(), Layer.SEMI_STRUCTURED, evidence, 0.75);
            return;
        }
        if (CompiledRx.P2.matcher(item).matches() && CompiledRx.P3.matcher(item).matches() && !Dates.hasClockTime(item)) {
            Runtimes.stated(item).ifPresent(m -> facts.runtime(m, Layer.SEMI_STRUCTURED, evidence, 0.8));
        }
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("(18|19|20)\\d\\d");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("(?i)[\\dhms .:a-z]+");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile(".*\\d.*");

        private CompiledRx() {
        }
    }
}
