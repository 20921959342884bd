package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.Countries;
import io.filmwire.enrich.extract.text.Dates;
import io.filmwire.enrich.extract.text.Digits;
import io.filmwire.enrich.extract.text.Languages;
import io.filmwire.enrich.extract.text.PersonNames;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.extract.text.TextScan;
import io.filmwire.enrich.extract.text.Years;
import io.filmwire.enrich.model.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 2 for the fact lines cinema and festival pages print under a title, in any order and with
 * any separator: "Greece, 2009, 1h 34min, DCP, In Greek with English subtitles", "USA-Germany 2020 /
 * Dir Chloé Zhao / 107min", "130 mins / 1946", "Japan 1988", "(2021)", "dir. Javier Fernández Vázquez,
 * Spain 2020, 87 min., Spanish and Bubi with English subtitles". A line is read only when every part
 * of it is recognised as a fact (a year, a country with or without its year, a running time, a
 * language, a director, a cast, a screening format or a certificate), except at most one part that
 * may be the title; so a sentence is never read as a fact line. Keeps how it read each line until
 * {@link #forget()} (a page's readings meet the same lines again); not thread-safe: one per thread.
 */
public final class FactLines {

    /** Lines remembered at most between two {@link #forget()} calls (a page has far fewer candidates). */
    private static final int MAX_REMEMBERED = 20_000;
    /** Stands for "no fact line" among the remembered readings. */
    private static final List<Part> NONE = java.util.Collections.unmodifiableList(new ArrayList<>());
    private final java.util.Map<String, List<Part>> read = new java.util.HashMap<>();

    /** Forgets the lines read so far (at the end of a page). */
    public void forget() {
        read.clear();
    }

    private static final double CONFIDENCE = 0.8;
    private static final int MAX_LINE = 300;
    static final Pattern PARTS = Pattern.compile("\\s*(?:[,|•·/]|\\s[-–—]\\s)\\s*(?![^()]*\\))");
    private static final Pattern YEAR_ONLY = Pattern.compile("^\\(?\\s*((?:18|19|20)\\d\\d)\\s*\\)?$");
    private static final Pattern COUNTRY_YEAR = Pattern.compile("^(.{2,60}?)\\s+\\(?((?:18|19|20)\\d\\d)\\)?$");
    static final Pattern DIRECTOR = Pattern.compile(
            "(?iu)^(?:dir\\.?|dirs\\.?|directed by|director|réal\\.?|de|un film de|a film by|regie|regia|dirigida por|direção de|"
                    + "un film d[ei]|ein film von)\\s*:?\\s+(\\p{Lu}.+)$");
    static final Pattern CAST = Pattern.compile(
            "(?iu)^(?:with(?: the voices of)?|starring|featuring|avec|con|mit|com|в ролях)\\s*:?\\s+(\\p{Lu}.+)$");
    private static final Pattern SUBTITLES = Pattern.compile(
            "(?iu)^(?:in\\s+)?(.+?)\\s+(?:with|w/)\\s+.+?\\s+subtitles?$|^(?:in\\s+)(.+?)$");
    static final Pattern ONLY_SUBTITLES = Pattern.compile("(?iu)^(?:\\p{L}+\\s+)?(subtitles?|subtitled|sous-titr\\w*|"
            + "legendado|subtitulad[ao]|untertitel\\w*)$|^(?:no|without) (dialogue|subtitles)$");
    static final Pattern FORMAT = Pattern.compile(
            "(?iu)^(dcp|35\\s?mm|70\\s?mm|16\\s?mm|digital|4k|2k|blu-?ray|dvd|vhs|imax|3d|2d|hd|color|colour|b&w|"
                    + "black and white|black & white|silent|sound|mono|stereo|dolby|(cert(ificate)?\\.?|rated|classification|"
                    + "age rating)\\s*:?\\s*\\S{1,5}|u|pg|pg-13|12a|12|15|18|r|nc-17|g|tbc|e|\\d{1,2}\\+|[0-9]{1,2} anos|"
                    + "premiere|preview|q&a|restoration|\\d\\w* restoration|new restoration|4k restoration)$");

    private static final Pattern RUNTIME_CHARS = Pattern.compile("(?iu)[\\d\\p{L} .:]+");
    private static final Pattern LANGUAGE_LIST = Pattern.compile(
            "\\s*(?:,|\\band\\b|&|/|\\by\\b|\\bet\\b|\\be\\b|\\bund\\b)\\s*");

    /** What a part of a line is. */
    private enum Kind { YEAR, RUNTIME, COUNTRY, LANGUAGE, DIRECTOR, CAST, FORMAT, OTHER }

    private record Part(Kind kind, String text, Integer year, Integer minutes, List<String> values) {
    }

    /** "1 hour, 49 minutes": a comma inside a running time does not part it. */
    private static final Pattern HOURS_COMMA = Pattern.compile("(?iu)(\\d\\s*(?:h|hrs?|hours?)\\.?)\\s*,\\s*(?=\\d)");

    /**
     * Adds the facts of the fact lines among {@code lines}. Consecutive short lines that are each
     * nothing but facts ("130 mins" then "1946") are read as one fact line.
     */
    public void extract(List<String> lines, WorkFacts facts) {
        List<Part> block = new ArrayList<>();
        String blockEvidence = null;
        boolean[] digits = new boolean[lines.size()];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = hasDigit(lines.get(i));
        }
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            List<Part> parts = candidate(lines, digits, i) ? parts(raw) : null;
            boolean allFacts = parts != null && !parts.isEmpty() && parts.stream().noneMatch(p -> p.kind() == Kind.OTHER);
            if (allFacts && raw.length() <= 60) {
                block.addAll(parts);
                blockEvidence = blockEvidence == null ? raw.strip() : blockEvidence + " / " + raw.strip();
                continue;
            }
            flush(block, blockEvidence, facts);
            block.clear();
            blockEvidence = null;
            if (parts != null && accepted(parts)) {
                for (Part part : parts) {
                    add(part, raw.strip(), facts);
                }
                if (parts.get(0).kind() == Kind.OTHER) {
                    // the facts' own heading: "A Storm Was Coming (Anunciaron tormenta), dir. ..., Spain 2020"
                    facts.title(parts.get(0).text(), Layer.SEMI_STRUCTURED, raw.strip(), 0.6);
                }
            }
        }
        flush(block, blockEvidence, facts);
    }

    /** Lines a fact line can start with when it has no digit: a director's or a cast's cue, a language. */
    static final Pattern CUE_START = Pattern.compile(
            "(?iu)^(dir\\b|dirs\\b|directed|director|with\\b|starring|featuring|avec|con\\b|mit\\b|com\\b|в ролях|réal|"
                    + "un film|a film by|regie|regia|dirigida|direção|in\\b)");
    /** Neighbours of a line with a digit that may belong to its fact block ("Japan 1988" / "Dir X" / "Digital"). */
    private static final int BLOCK_REACH = 4;

    /**
     * Whether a line is worth classifying: it has a digit (a year, a running time), a cue word, or
     * lies near a line with a digit. Most lines of a page (menus, prose) are none of these.
     */
    private static boolean candidate(List<String> lines, boolean[] digits, int i) {
        String line = lines.get(i);
        if (line.length() > MAX_LINE) {
            return false;
        }
        if (digits[i] || mayStartCue(line) && CUE_START.matcher(line).lookingAt()) {
            return true;
        }
        if (line.length() > 40) {
            return false;
        }
        for (int j = Math.max(0, i - BLOCK_REACH); j <= Math.min(digits.length - 1, i + BLOCK_REACH); j++) {
            if (digits[j]) {
                return true;
            }
        }
        return false;
    }

    /** The first letters of the words of {@link #CUE_START}, {@link #DIRECTOR} and {@link #CAST}, lower case. */
    static final String CUE_FIRST = "dwsfacmruiв";
    static final String DIRECTOR_FIRST = "druae";
    static final String CAST_FIRST = "wsfacmв";

    /** Whether {@code line} starts with a character {@link #CUE_START} can start with, case aside (as {@code (?iu)} folds it). */
    static boolean mayStartCue(String line) {
        return mayStart(line, CUE_FIRST);
    }

    /** Whether {@code line} starts with one of {@code firsts} (lower-case letters), case aside as {@code (?iu)} folds it. */
    static boolean mayStart(String line, String firsts) {
        return !line.isEmpty() && TextScan.foldsToOneOf(line.charAt(0), firsts);
    }

    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A run of fact-only lines: read when it holds two facts, or one that stands alone. */
    private static void flush(List<Part> block, String evidence, WorkFacts facts) {
        if (block.isEmpty()) {
            return;
        }
        if (accepted(block)) {
            for (Part part : block) {
                add(part, evidence, facts);
            }
        }
    }

    /** {@link #partsOf}, remembered per line text until {@link #forget()}; the lists are not changed by callers. */
    private List<Part> parts(String raw) {
        List<Part> parts = read.get(raw);
        if (parts == null) {
            parts = partsOf(raw);
            if (read.size() < MAX_REMEMBERED) {
                read.put(raw, parts == null ? NONE : parts);
            }
            return parts;
        }
        return parts == NONE ? null : parts;
    }

    /**
     * The parts of a line, or null when the line is no fact line (too long, a sentence, a date or a
     * time, a part after the first that is no fact).
     */
    private static List<Part> partsOf(String raw) {
        String line = Digits.ascii(raw).strip();
        if (line.isEmpty() || line.length() > MAX_LINE || line.endsWith(".") && CompiledRx.P1.split(line).length > 12
                || Dates.hasDate(line) || Dates.hasClockTime(line)) {
            return null; // a date or a time: a screening or a publication, not the film
        }
        if (line.indexOf(',') >= 0) {
            line = HOURS_COMMA.matcher(line).replaceAll("$1 ");
        }
        List<Part> parts = new ArrayList<>();
        Part whole = mayStartCue(line) && CUE_START.matcher(line).lookingAt() ? peopleLine(line) : null;
        if (whole != null && whole.values().size() > 1) {
            // "With the voices of A, B, C": the list is one part
            parts.add(whole);
            return parts;
        }
        for (String p : mayPart(line) ? PARTS.split(line) : new String[] {line}) {
            if (!p.isBlank()) {
                Part part = classify(p.strip());
                if (part.kind() == Kind.OTHER && !parts.isEmpty()) {
                    // only the first part may be other than a fact (the title): such a line is no fact
                    // line whatever its other parts are, so they are not classified
                    return null;
                }
                parts.add(part);
            }
        }
        return parts;
    }

    /** Every part a fact but at most one (the first, which may be the title), and two facts or one that stands alone. */
    private static boolean accepted(List<Part> parts) {
        int other = 0;
        int facts = 0;
        int languages = 0;
        for (Part part : parts) {
            if (part.kind() == Kind.OTHER) {
                other++;
            } else if (part.kind() != Kind.FORMAT) {
                facts++;
                languages += part.kind() == Kind.LANGUAGE ? 1 : 0;
            }
        }
        if (parts.size() == 1) {
            return facts == 1 && singleLineFact(parts.get(0));
        }
        // languages alone ("فارسی / English") are a site's language switch, not a film's facts
        return facts >= 2 && facts > languages && (other == 0 || other == 1 && parts.get(0).kind() == Kind.OTHER);
    }

    /** Facts that can stand alone on a line: "Japan 1988", "(2021)", "Dir X", "With A, B", "In Greek with English subtitles". */
    private static boolean singleLineFact(Part part) {
        return switch (part.kind()) {
            case YEAR -> part.text().startsWith("(") || part.values() != null; // "(2021)", "Japan 1988", "Year: 2009"
            case DIRECTOR, CAST -> true;
            case RUNTIME -> part.text().length() <= 30; // "1 hour, 49 minutes" alone on its line
            case LANGUAGE -> part.text().toLowerCase().contains("subtitle");
            default -> false;
        };
    }

    private static Part classify(String p) {
        var label = io.filmwire.enrich.extract.text.Labels.prefix(p);
        if (label.isPresent()) {
            Part labelled = labelled(label.get(), p);
            if (labelled != null) {
                return labelled;
            }
        }
        char last = TextScan.lastBeforeLineEnd(p);
        // both year patterns end in a digit or ")" before the line's end (the part is stripped)
        if (last == ')' || last >= '0' && last <= '9') {
            Matcher y = YEAR_ONLY.matcher(p);
            if (y.matches() && Years.plausible(Integer.parseInt(y.group(1)))) {
                return new Part(Kind.YEAR, p, Integer.parseInt(y.group(1)), null, null);
            }
            Matcher cy = COUNTRY_YEAR.matcher(p);
            if (cy.matches() && Countries.isCountry(cy.group(1)) && Years.plausible(Integer.parseInt(cy.group(2)))) {
                return new Part(Kind.YEAR, p, Integer.parseInt(cy.group(2)), null, List.of(cy.group(1)));
            }
        }
        if (Countries.isCountry(p)) {
            return new Part(Kind.COUNTRY, p, null, null, null);
        }
        if (p.length() <= 24 && hasDigit(p) && RUNTIME_CHARS.matcher(p).matches()) {
            OptionalInt m = Runtimes.stated(p);
            if (m.isPresent() && CompiledRx.P2.matcher(p).replaceAll("").length() <= 6) {
                return new Part(Kind.RUNTIME, p, null, m.getAsInt(), null);
            }
        }
        if (mayBeFormat(p) && FORMAT.matcher(p).matches() || mayBeOnlySubtitles(p) && ONLY_SUBTITLES.matcher(p).matches()) {
            return new Part(Kind.FORMAT, p, null, null, null);
        }
        Part people = peopleLine(p);
        if (people != null) {
            return people;
        }
        List<String> languages = languages(p);
        if (!languages.isEmpty()) {
            return new Part(Kind.LANGUAGE, p, null, null, languages);
        }
        return new Part(Kind.OTHER, p, null, null, null);
    }

    /**
     * Whether {@link #PARTS} can match in {@code line}: every match holds one of ",|•·/" or a
     * white-space character ({@code \\s}) followed by a dash. A line without is one part (what
     * {@code split} gives for no match), told without running the pattern.
     */
    static boolean mayPart(String line) {
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = line.charAt(i);
            if (c == ',' || c == '|' || c == '•' || c == '·' || c == '/') {
                return true;
            }
            if (TextScan.isRegexSpace(c) && i + 1 < n) {
                char d = line.charAt(i + 1);
                if (d == '-' || d == '–' || d == '—') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@link #FORMAT} can match the whole of {@code p}: its alternatives are at most 40
     * characters long but for "4k restoration"-like ones, which start with an ASCII digit, and the
     * certificate ones ("rated", "cert", "classification", "age rating"), whose spaces are not
     * bounded and which start with a, c or r in either case (no other character folds to these).
     */
    static boolean mayBeFormat(String p) {
        if (p.length() <= 40) {
            return true;
        }
        char c = p.charAt(0);
        return c >= '0' && c <= '9' || "aAcCrR".indexOf(c) >= 0;
    }

    /** Whether {@link #ONLY_SUBTITLES} can match: each of its matches holds one of these words, in some case. */
    static boolean mayBeOnlySubtitles(String p) {
        return SUBTITLE_WORDS.in(p);
    }

    private static final TextScan.AnyWord SUBTITLE_WORDS = TextScan.anyWord("subtit", "sous-titr", "legendado", "untertitel",
            "dialogue");

    /** "Dir X", "With A, B": the director or the cast the text names, or null. */
    private static Part peopleLine(String p) {
        Matcher d = mayStart(p, DIRECTOR_FIRST) ? DIRECTOR.matcher(p) : null;
        if (d != null && d.matches()) {
            List<String> names = PersonNames.split(d.group(1));
            if (!names.isEmpty() && names.stream().noneMatch(Countries::isCountry)) {
                return new Part(Kind.DIRECTOR, p, null, null, names);
            }
        }
        Matcher c = mayStart(p, CAST_FIRST) ? CAST.matcher(p) : null;
        if (c != null && c.matches()) {
            List<String> names = PersonNames.split(c.group(1));
            if (!names.isEmpty() && names.stream().noneMatch(Countries::isCountry)) {
                return new Part(Kind.CAST, p, null, null, names);
            }
        }
        return null;
    }

    /** A "Label: value" part ("אורך:120", "Year: 2009", "Director: X") as the fact its label names, or null. */
    private static Part labelled(io.filmwire.enrich.extract.text.Labels.Prefix label, String p) {
        String value = p.substring(label.valueStart()).strip();
        var m = label.meaning();
        switch (m.field()) {
            case RUNTIME -> {
                OptionalInt minutes = Runtimes.parse(value);
                if (minutes.isEmpty() && CompiledRx.P3.matcher(value).matches()) {
                    minutes = OptionalInt.of(Integer.parseInt(value));
                }
                return minutes.isPresent() ? new Part(Kind.RUNTIME, p, null, minutes.getAsInt(), null) : null;
            }
            case YEAR -> {
                OptionalInt year = Years.first(value);
                return year.isPresent() ? new Part(Kind.YEAR, p, year.getAsInt(), null, List.of()) : null;
            }
            case CREDIT -> {
                List<String> names = PersonNames.split(value);
                if (!names.isEmpty() && "director".equals(m.role())) {
                    return new Part(Kind.DIRECTOR, p, null, null, names);
                }
                if (!names.isEmpty() && "cast".equals(m.role())) {
                    return new Part(Kind.CAST, p, null, null, names);
                }
                return null;
            }
            case LANGUAGE -> {
                List<String> languages = languages(value);
                return languages.isEmpty() ? null : new Part(Kind.LANGUAGE, p, null, null, languages);
            }
            default -> {
                return null;
            }
        }
    }

    /** "In Greek with English subtitles" -> Greek; "Spanish and Bubi with English subtitles" -> Spanish, Bubi; "French" -> French. */
    static List<String> languages(String p) {
        if (p.length() > 80 || hasDigit(p)) {
            return List.of();
        }
        String spoken = p;
        // the pattern needs "subtitle" or a leading "in"
        boolean maybe = TextScan.containsIgnoreCase(p, "subtitle") || p.regionMatches(true, 0, "in", 0, 2);
        Matcher s = SUBTITLES.matcher(p);
        boolean matched = maybe && s.matches();
        boolean subtitled = matched && s.group(1) != null;
        if (matched) {
            spoken = s.group(1) != null ? s.group(1) : s.group(2);
        }
        List<String> out = new ArrayList<>();
        int known = 0;
        for (String part : LANGUAGE_LIST.split(spoken)) {
            if (part.isBlank()) {
                continue;
            }
            var l = Languages.normalise(part);
            if (l.isPresent()) {
                out.add(l.get());
                known++;
            } else if (subtitled && CompiledRx.P4.matcher(part.strip()).matches()) {
                // "Spanish and Bubi with English subtitles": a language the locale data does not know
                out.add(part.strip());
            } else {
                return List.of();
            }
        }
        return known == 0 ? List.of() : out;
    }

    private static void add(Part part, String evidence, WorkFacts facts) {
        switch (part.kind()) {
            case YEAR -> facts.year(part.year(), Layer.SEMI_STRUCTURED, evidence, CONFIDENCE);
            case RUNTIME -> facts.runtime(part.minutes(), Layer.SEMI_STRUCTURED, evidence, CONFIDENCE);
            case LANGUAGE -> part.values().forEach(l -> facts.language(l, Layer.SEMI_STRUCTURED, evidence, CONFIDENCE));
            case DIRECTOR -> part.values().forEach(n ->
                    facts.credit("director", n, null, Layer.SEMI_STRUCTURED, evidence, CONFIDENCE));
            case CAST -> part.values().forEach(n -> facts.credit("cast", n, null, Layer.SEMI_STRUCTURED, evidence, CONFIDENCE));
            default -> {
            }
        }
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("(?iu)[\\d\\s.:]|h(ou)?rs?|hours?|m(in)?(ute)?s?|mn");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("\\d{2,3}");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("\\p{Lu}\\p{Ll}+");

        private CompiledRx() {
        }
    }
}
