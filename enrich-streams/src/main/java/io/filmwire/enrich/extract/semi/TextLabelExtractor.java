package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Layer 2 in text: label/value lines ("Directed by: Roxy Rezvany", "Run Time: 95 min",
 * "| کارگردان : محمدجعفر باقری نیا | ژانر ..."), and, in plain-text pages, a label on its own line
 * followed by its value on the next lines ("Directed by" / "No items found."). Stateless.
 */
public final class TextLabelExtractor {

    /**
     * Adds the facts of the labelled lines.
     *
     * @param plainText the lines are a plain-text page: a label alone on a line introduces the next
     *                  lines up to a blank line; in markup's lines it introduces at most the next three,
     *                  and only for single values (credit lists there are read from the markup)
     */
    public void extract(List<String> lines, boolean plainText, WorkFacts facts) {
        boolean perItemRatings = repeatedRatingLabels(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.length() > 400) {
                continue;
            }
            for (String segment : segments(line)) {
                Optional<Labels.Prefix> prefix = Labels.prefix(segment);
                if (prefix.isEmpty() || !plainText && startsLowerCase(segment)) {
                    continue; // "director of photography: Chicago" in a crew row is a job, not a label
                }
                String label = segment.substring(0, prefix.get().valueStart());
                String value = segment.substring(prefix.get().valueStart()).strip();
                // "Crew: Director: Rob Marshall." names the job inside
                Optional<Labels.Prefix> inner = Labels.prefix(value);
                if (inner.isPresent() && prefix.get().meaning().field() == Labels.Field.CREW) {
                    label = value.substring(0, inner.get().valueStart());
                    prefix = inner;
                    value = value.substring(inner.get().valueStart()).strip();
                }
                value = CompiledRx.P1.matcher(value).replaceAll("");
                if (perItemRatings && prefix.get().meaning().field() == Labels.Field.RATING) {
                    continue; // "Rating: 3/4" under each critic's review is not the film's rating
                }
                if (!value.isEmpty()) {
                    add(prefix.get().meaning(), label, value, facts);
                }
            }
            Optional<Labels.Meaning> alone = line.length() <= 60 ? Labels.whole(line) : Optional.empty();
            boolean list = alone.isPresent() && (alone.get().field() == Labels.Field.CREDIT
                    || alone.get().field() == Labels.Field.CREW);
            if (alone.isPresent() && (plainText || !list)) {
                List<String> value = new ArrayList<>();
                int max = plainText ? 40 : 3;
                for (int j = i + 1; j < lines.size() && value.size() < max; j++) {
                    String next = lines.get(j).strip();
                    if (next.isEmpty() || Labels.whole(next).isPresent() || Labels.prefix(next).isPresent()) {
                        break;
                    }
                    value.add(next);
                }
                if (!value.isEmpty()) {
                    add(Labels.whole(line).get(), line, String.join("\n", value), facts);
                }
            }
        }
    }

    private static void add(Labels.Meaning meaning, String label, String value, WorkFacts facts) {
        List<CreditRows.Row> rows = new ArrayList<>();
        if (meaning.field() == Labels.Field.CREDIT || meaning.field() == Labels.Field.CREW) {
            for (String line : CompiledRx.P2.split(value)) {
                String[] parts = CompiledRx.P3.split(line, 2);
                if (parts.length == 2 && PersonNames.isName(PersonNames.clean(parts[0]))) {
                    rows.add(new CreditRows.Row(PersonNames.clean(parts[0]), parts[1].strip()));
                } else {
                    PersonNames.split(line).forEach(n -> rows.add(new CreditRows.Row(n, null)));
                }
            }
        }
        LabelValues.add(meaning, label, value, rows, facts);
    }

    /** True when the text starts with a lower-case letter (labels start a line with a capital, where the script has them). */
    private static boolean startsLowerCase(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }

    /** True when rating labels stand on three lines or more: ratings of items (reviews), not of the film. */
    private static boolean repeatedRatingLabels(List<String> lines) {
        int n = 0;
        for (String line : lines) {
            if (line.length() <= 400) {
                for (String segment : segments(line.strip())) {
                    Optional<Labels.Prefix> p = Labels.prefix(segment);
                    if (p.isPresent() && p.get().meaning().field() == Labels.Field.RATING && ++n >= 3) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Where a new "Label:" starts inside a line, after a full stop or semicolon ("Director: X. Screenplay: Y."). */
    private static final java.util.regex.Pattern NEXT_LABEL = java.util.regex.Pattern.compile(
            "(?<=[.;])\\s+(?=[\\p{Lu}][\\p{L}&' ]{1,40}:)");

    /** A line cut at its " | " separators and before each further "Label:" it holds. */
    static List<String> segments(String line) {
        boolean bar = line.indexOf('|') >= 0;
        if (!bar && !(line.indexOf(':') >= 0 && (line.indexOf('.') >= 0 || line.indexOf(';') >= 0))) {
            return line.isBlank() ? List.of() : List.of(line.strip()); // most lines: one segment, nothing to cut
        }
        List<String> out = new ArrayList<>();
        for (String part : bar ? CompiledRx.P4.split(line) : new String[] {line}) {
            // a further label needs a colon after a full stop or a semicolon
            boolean more = part.indexOf(':') >= 0 && (part.indexOf('.') >= 0 || part.indexOf(';') >= 0);
            for (String s : more ? NEXT_LABEL.split(part) : new String[] {part}) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\.$");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("\n");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("\\s*(?:\\.{3,}|…|\\s-\\s|\\s–\\s|\\bas\\b)\\s*");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("\\s*\\|\\s*");

        private CompiledRx() {
        }
    }
}
