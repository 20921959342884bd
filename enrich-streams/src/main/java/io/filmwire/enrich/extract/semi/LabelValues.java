package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.structured.Titles;
import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.Languages;
import io.filmwire.enrich.extract.text.Ratings;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.extract.text.Years;
import io.filmwire.enrich.model.Layer;
import java.util.List;
import java.util.Locale;

/**
 * Turns the value after a label into facts, the same way whatever markup it came from: a credit
 * list into credits (with each row's own job when it states one), a running time, languages,
 * genres, a year, a rating, a title. Stateless.
 */
public final class LabelValues {

    private static final double CONFIDENCE = 0.85;

    private LabelValues() {
    }

    /** Adds the facts of one label's value; {@code rows} are the people when the value is a credit list. */
    public static void add(Labels.Meaning meaning, String label, String valueText, List<CreditRows.Row> rows,
                           WorkFacts facts) {
        String firstLine = valueText.lines().findFirst().orElse("").strip();
        String evidence = label.strip() + " " + firstLine;
        switch (meaning.field()) {
            case CREDIT, CREW -> {
                for (CreditRows.Row row : rows) {
                    String evidenceText = label.strip() + " " + row.name() + (row.detail() == null ? "" : " ... " + row.detail());
                    List<String> own = Labels.rolesOfDescription(row.detail());
                    if (meaning.field() == Labels.Field.CREW) {
                        if (own.isEmpty()) {
                            facts.credit("cast", row.name(), row.detail(), Layer.SEMI_STRUCTURED, evidenceText, CONFIDENCE);
                        }
                        for (String role : own) {
                            facts.credit(role, row.name(), null, Layer.SEMI_STRUCTURED, evidenceText, CONFIDENCE);
                        }
                        continue;
                    }
                    String role = meaning.role();
                    if ("producer".equals(role) && own.contains("executive_producer")) {
                        role = "executive_producer";
                    }
                    String character = "cast".equals(role) || "self".equals(role) ? row.detail() : null;
                    facts.credit(role, row.name(), character, Layer.SEMI_STRUCTURED, evidenceText, CONFIDENCE);
                }
            }
            case RUNTIME -> {
                var minutes = Runtimes.parse(firstLine);
                if (minutes.isEmpty() && CompiledRx.P1.matcher(firstLine.strip()).matches()) {
                    // "Length: 120": a running time's label gives minutes when the value has no unit
                    minutes = java.util.OptionalInt.of(Integer.parseInt(firstLine.strip()));
                }
                minutes.ifPresent(m -> facts.runtime(m, Layer.SEMI_STRUCTURED, evidence, CONFIDENCE));
            }
            case LANGUAGE -> {
                int n = 0;
                for (String part : CompiledRx.P2.split(valueText)) {
                    var language = Languages.normalise(part);
                    if (language.isPresent()) {
                        facts.language(language.get(), Layer.SEMI_STRUCTURED, evidence, CONFIDENCE);
                    }
                    if (++n > 20) {
                        break;
                    }
                }
            }
            case GENRE -> {
                for (String part : CompiledRx.P3.split(valueText)) {
                    String g = part.strip();
                    if (!g.isEmpty() && g.length() <= 30 && !CompiledRx.P4.matcher(g).matches() && CompiledRx.P5.split(g).length <= 3
                            && !g.toLowerCase(Locale.ROOT).startsWith("see ")) {
                        facts.genre(g, Layer.SEMI_STRUCTURED, evidence, 0.7);
                    }
                }
            }
            case YEAR, RELEASE_DATE -> Years.firstOrInDate(firstLine).ifPresent(y ->
                    facts.year(y, Layer.SEMI_STRUCTURED, evidence, meaning.field() == Labels.Field.YEAR ? CONFIDENCE : 0.8));
            case RATING -> Ratings.parse(valueText.length() > 200 ? valueText.substring(0, 200) : valueText, 10)
                    .ifPresent(r -> facts.rating(r, Layer.SEMI_STRUCTURED, evidence, r.count() == null ? 0.6 : 0.8));
            case TITLE -> {
                if (!firstLine.isEmpty() && firstLine.length() <= 150) {
                    Titles.Parsed t = Titles.parseTitle(firstLine);
                    facts.title(t.title(), Layer.SEMI_STRUCTURED, evidence, 0.8);
                }
            }
            case ALIAS -> {
                if (!firstLine.isEmpty() && firstLine.length() <= 150) {
                    facts.alias(Titles.parseTitle(firstLine).title(), Layer.SEMI_STRUCTURED, evidence, 0.8);
                }
            }
            case COUNTRY -> {
                // a country is no fact of the record, and never a person
            }
            case VOTES -> {
                // a vote count alone is read with the rating it belongs to
            }
            default -> {
            }
        }
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\d{2,3}");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("\\s*(?:[,|/\\n•·،;]|\\s+and\\s+|\\s+و\\s+)\\s*");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("\\s*(?:[,|/\\n•·،;]|\\s+and\\s+)\\s*");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile(".*\\d.*");
        static final java.util.regex.Pattern P5 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
