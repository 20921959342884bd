package io.filmwire.enrich.extract.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * People's names in credit values: splitting a list ("Roxy Rezvany, Matt Diegan and Aya Kaido",
 * "محمد نجفی، نسرین مقانلو و…"), cleaning one ("Frank Darabont (screenplay)" -> "Frank Darabont"),
 * and telling a name from other text ("No items found.", "See more", "Full cast and crew"). Stateless.
 */
public final class PersonNames {

    /** Separators between names; a middle dot joins the parts of one transliterated name ("蒂姆·罗宾斯") unless spaced. */
    private static final Pattern SPLIT = Pattern.compile(
            "\\s*(?:[,;|/•،؛\\n，、]|\\s·\\s|\\s(?:and|&|y|et|und|e|و)\\s|\\.{3,}|…)\\s*");
    /** "Joel and Ethan Coen": two people who share the surname written once. */
    private static final Pattern SHARED_SURNAME = Pattern.compile(
            "^(\\p{Lu}[\\p{Ll}'’-]+)\\s+(?:and|&|y|et|und|e)\\s+(\\p{Lu}[\\p{Ll}'’-]+)\\s+(\\p{Lu}[\\p{L}'’-]+)$");
    private static final Pattern SUFFIX = Pattern.compile("(?i)(jr|sr|ii|iii|iv)\\.?");
    private static final Pattern PARENS = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Pattern TRAILING_JUNK = Pattern.compile(
            "(?i)[\\s,;:…]+$|\\s+(et al\\.?|and more|\\+\\s*\\d+.*|و|and|&)\\s*…?$");
    private static final Pattern FINAL_STOP = Pattern.compile("(?<=\\p{L}{3})\\.+$");
    private static final Set<String> NOT_NAMES = Set.of(
            "no items found", "n/a", "na", "none", "unknown", "tba", "tbd", "various", "see more", "more", "full cast",
            "full cast and crew", "see full cast and crew", "see all", "show all", "view all", "edit", "add", "others",
            "and others", "cast", "crew", "director", "directors", "writer", "writers", "producer", "producers",
            "uncredited", "himself", "herself", "themselves", "self", "anonymous", "staff", "various artists",
            "the", "a", "an", "with", "by", "loading", "top cast", "stars", "star", "details", "storyline",
            "varios", "varias", "vários", "várias", "diversos", "divers", "diverses", "verschiedene", "vari", "vari autori",
            "varie", "разные", "различные", "多人", "群演", "çeşitli", "diversi", "unbekannt", "desconocido", "inconnu",
            "n/d", "s/d", "tbc");
    private static final Pattern LOWER_WORDS = Pattern.compile(
            "(?i)\\b(the|is|was|are|were|has|have|had|his|her|their|this|that|who|which|film|movie|documentary|"
                    + "directed|produced|written|watch|click|read|review|reviews|see|more|trailer|photos|videos|"
                    + "episode|season|series|minutes?|hours?)\\b");

    private static final Set<String> PARTICLES = Set.of("de", "da", "das", "do", "dos", "del", "della", "der", "den",
            "di", "du", "la", "le", "les", "van", "von", "vom", "zu", "ter", "ten", "te", "y", "e", "bin", "binti", "bint",
            "ibn", "al", "el", "af", "av", "of", "mac", "st.", "d'", "l'", "dela", "delos", "ben", "bat");

    private PersonNames() {
    }

    /** The names in a list value, cleaned, valid ones only, in order, without repeats. */
    public static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        String v = PARENS.matcher(value).replaceAll(" ");
        java.util.regex.Matcher shared = SHARED_SURNAME.matcher(v.strip());
        if (shared.matches()) {
            v = shared.group(1) + " " + shared.group(3) + ", " + shared.group(2) + " " + shared.group(3);
        }
        String previous = null;
        for (String part : SPLIT.split(v)) {
            String name = clean(part);
            if (previous != null && SUFFIX.matcher(name).matches()) {
                // "Ike Jarlego, Jr." is one name
                out.remove(previous);
                name = previous + " " + CompiledRx.P1.matcher(name).replaceAll(".").replace("..", ".");
                name = CompiledRx.P2.matcher(name).replaceAll("$1");
            }
            if (isName(name)) {
                out.add(name);
                previous = name;
            }
        }
        return new ArrayList<>(out);
    }

    /** One name without parentheticals, "as ..." credits, edge punctuation or a leading "and". */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        // each pattern runs only where its match can be: a bracket, an ending it needs
        String s = raw.indexOf('(') >= 0 || raw.indexOf('[') >= 0 ? PARENS.matcher(raw).replaceAll(" ") : raw;
        s = s.replace('\u00a0', ' ');
        java.util.regex.Matcher lead = CompiledRx.P3.matcher(s);
        if (lead.lookingAt()) {
            s = s.substring(lead.end()); // the pattern is anchored at the start: one match at most
        }
        if (TextScan.lastBeforeLineEnd(s) == 's') {
            s = CompiledRx.P4.matcher(s).replaceAll(""); // "Michel Ocelot’s": the person, not the possessive
        }
        s = TextScan.collapseRegexSpace(s).strip();
        if (mayEndInJunk(s)) {
            s = TRAILING_JUNK.matcher(s).replaceAll("");
        }
        if (TextScan.lastBeforeLineEnd(s) == '.' && !CompiledRx.P6.matcher(s).matches()) {
            s = FINAL_STOP.matcher(s).replaceAll("");
        }
        s = TextScan.stripRuns(s, c -> isEdgeMark(c) && c != '\'', c -> isEdgeMark(c) && c != '.' && c != '\'').strip();
        return s;
    }

    /** White space and ASCII punctuation: what a name's edges lose ({@code [\\s\\p{Punct}]}). */
    private static boolean isEdgeMark(char c) {
        return TextScan.isRegexSpace(c) || TextScan.isAsciiPunct(c);
    }

    /** True when {@link #TRAILING_JUNK} can match: the text holds a "+" or ends with a character its endings end with. */
    private static boolean mayEndInJunk(String s) {
        char last = TextScan.lastBeforeLineEnd(s);
        return s.indexOf('+') >= 0 || TextScan.isRegexSpace(last) || ",;:….&و".indexOf(last) >= 0
                || "lLeEdD".indexOf(last) >= 0;
    }

    /**
     * True when {@code text} has the shape of a person's (or a group's) name: one to eight words,
     * letters mostly, capitalised where the script has case, no sentence words, no digits.
     */
    public static boolean isName(String text) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        if (s.length() < 2 || s.length() > 60) {
            return false;
        }
        if (NOT_NAMES.contains(s.toLowerCase(Locale.ROOT)) || s.toLowerCase(Locale.ROOT).startsWith("see ")) {
            return false;
        }
        String[] words = CompiledRx.P5.split(s);
        if (words.length > 8) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (letters < 2 || letters < s.length() * 0.6) {
            return false;
        }
        if (s.contains("?") || s.contains("!") || s.contains(":") || s.contains("@") || s.contains("=")) {
            return false;
        }
        boolean cased = s.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
        if (cased) {
            int firstLetter = s.codePoints().filter(Character::isLetter).findFirst().orElse('x');
            if (!Character.isUpperCase(firstLetter)) {
                return false;
            }
            for (String w : words) {
                int first = w.codePoints().filter(Character::isLetter).findFirst().orElse('X');
                // particles ("de", "van", "bin") may be lower case; other words must be capitalised
                if (Character.isLowerCase(first) && !PARTICLES.contains(w.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            if (words.length > 1 && LOWER_WORDS.matcher(s).find()) {
                return false;
            }
        }
        return true;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\.?$");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("(?i)\\b(II|III|IV)\\.$");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("(?i)^\\s*(and|&|with|by|و)\\s+");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("(?<=\\p{L})\\s?['’]s$");
        static final java.util.regex.Pattern P5 = java.util.regex.Pattern.compile("\\s+");
        static final java.util.regex.Pattern P6 = java.util.regex.Pattern.compile("(?i).*\\b(jr|sr|st|dr)\\.$");
        static final java.util.regex.Pattern P7 = java.util.regex.Pattern.compile("^[\\s\\p{Punct}&&[^'’]]+|[\\s\\p{Punct}&&[^.'’]]+$");

        private CompiledRx() {
        }
    }
}
