package io.filmwire.enrich.extract.text;

/**
 * Character tests and edge trimming done in one pass over a string, for the hot paths where a
 * regular expression used to be tried at every position ({@code "\\s+"}, {@code "^[...]+|[...]+$"}).
 * Each method gives exactly what the regular expression named in its comment gives (Java's
 * {@code \s} and {@code \p{Punct}} are ASCII classes unless a pattern asks for Unicode ones). Stateless.
 */
public final class TextScan {

    /** A test of one character. */
    @FunctionalInterface
    public interface CharTest {
        boolean test(char c);
    }

    private TextScan() {
    }

    /** True for the characters of the regular expression class {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The index of the first character of {@code text} from {@code from} on that is not {@link #isRegexSpace}. */
    public static int skipRegexSpace(String text, int from) {
        int i = from;
        while (i < text.length() && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Whether {@code c} matches one of {@code lowerLetters} (lower-case letters) in a case-insensitive
     * Unicode pattern ({@code (?iu)}), which compares characters in lower case and in the lower case of
     * their upper case ("ſ" for "s", "İ" for "i"): a precheck of a pattern's first character.
     */
    public static boolean foldsToOneOf(char c, String lowerLetters) {
        return lowerLetters.indexOf(Character.toLowerCase(c)) >= 0
                || lowerLetters.indexOf(Character.toLowerCase(Character.toUpperCase(c))) >= 0;
    }

    /** True for the characters of {@code \p{Punct}}: ASCII punctuation and symbols. */
    public static boolean isAsciiPunct(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /** True when {@code text} holds an ASCII digit (what {@code \d} matches). */
    public static boolean hasAsciiDigit(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code text} holds {@code word} in any case, as a case-insensitive Unicode pattern
     * would find it (each character compared in upper and in lower case, as {@link String#regionMatches(boolean, int, String, int, int)} does).
     */
    public static boolean containsIgnoreCase(String text, String word) {
        int m = word.length();
        char first = m == 0 ? 0 : word.charAt(0);
        // an ASCII first character is matched only by the ASCII characters of its either case: most
        // positions are passed over with one comparison, without the full comparison's case mapping
        char lower = first < 128 ? Character.toLowerCase(first) : 0;
        for (int i = 0, last = text.length() - m; i <= last; i++) {
            char c = text.charAt(i);
            if (m > 0 && first < 128 && c < 128 && (c | 0x20) != (lower | 0x20)
                    && c != first) {
                continue;
            }
            if (text.regionMatches(true, i, word, 0, m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words looked for in any case, compared as {@link #containsIgnoreCase} compares, all of them in
     * one pass over a text; made once (a constant), asked often.
     */
    public static final class AnyWord {
        private final String[] words;
        /** Bit {@code c - 'a'} is set when a word starts with ASCII letter {@code c} in either case. */
        private final int asciiFirsts;
        private final boolean plain;

        private AnyWord(String[] words) {
            this.words = words.clone();
            int firsts = 0;
            boolean p = true;
            for (String w : words) {
                char f = w.isEmpty() ? 0 : Character.toLowerCase(w.charAt(0));
                if (f < 'a' || f > 'z') {
                    p = false;
                } else {
                    firsts |= 1 << (f - 'a');
                }
            }
            this.asciiFirsts = firsts;
            this.plain = p;
        }

        /** True when {@code text} holds one of the words. */
        public boolean in(String text) {
            if (!plain) {
                for (String w : words) {
                    if (containsIgnoreCase(text, w)) {
                        return true;
                    }
                }
                return false;
            }
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c < 128) {
                    int l = (c | 0x20) - 'a';
                    if (l < 0 || l > 25 || (asciiFirsts & (1 << l)) == 0) {
                        continue; // no word starts with this character in either case
                    }
                }
                for (String w : words) {
                    char f = w.charAt(0);
                    if ((c >= 128 || (c | 0x20) == (f | 0x20)) && text.regionMatches(true, i, w, 0, w.length())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The words, looked for together (see {@link AnyWord}). */
    public static AnyWord anyWord(String... words) {
        return new AnyWord(words);
    }

    /** True when {@code text} holds a character of {@code \s}. */
    public static boolean hasRegexSpace(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (isRegexSpace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} without its leading run of characters that pass {@code leading} and its trailing run
     * of characters that pass {@code trailing}: what {@code replaceAll("^[L]+|[T]+$", "")} gives,
     * including that {@code $} also matches before a line terminator that ends the text (for a
     * {@code trailing} test that accepts carriage return wherever it accepts line feed, as {@code \s} does).
     */
    public static String stripRuns(String text, CharTest leading, CharTest trailing) {
        int n = text.length();
        int start = 0;
        while (start < n && leading.test(text.charAt(start))) {
            start++;
        }
        int end = n;
        while (end > start && trailing.test(text.charAt(end - 1))) {
            end--;
        }
        if (end < n || start == n) {
            return start == 0 && end == n ? text : text.substring(start, end);
        }
        // the last character is no trailing one: a run may still end before a final line terminator
        int terminator = finalTerminator(text);
        if (terminator == 0) {
            return start == 0 ? text : text.substring(start);
        }
        int q = n - terminator;
        int runStart = q;
        while (runStart > start && trailing.test(text.charAt(runStart - 1))) {
            runStart--;
        }
        return text.substring(start, runStart) + text.substring(q);
    }

    /** The length of the line terminator that ends {@code text} as {@code $} sees it (2 for CR LF), or 0. */
    private static int finalTerminator(String text) {
        int n = text.length();
        if (n == 0) {
            return 0;
        }
        char last = text.charAt(n - 1);
        if (last == '\n') {
            return n >= 2 && text.charAt(n - 2) == '\r' ? 2 : 1;
        }
        return last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029' ? 1 : 0;
    }

    /** The last character of {@code text} before a final line terminator (where {@code $} matches), or 0 for none. */
    public static char lastBeforeLineEnd(String text) {
        int at = text.length() - finalTerminator(text) - 1;
        return at >= 0 ? text.charAt(at) : 0;
    }

    /** {@code text} with each run of {@code \s} characters as one space: what {@code replaceAll("\\s+", " ")} gives. */
    public static String collapseRegexSpace(String text) {
        int n = text.length();
        int i = 0;
        // the common case: no run to change (single spaces only)
        while (i < n) {
            char c = text.charAt(i);
            if (isRegexSpace(c) && (c != ' ' || i + 1 < n && isRegexSpace(text.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                out.append(' ');
                while (i < n && isRegexSpace(text.charAt(i))) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
