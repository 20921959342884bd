package io.filmwire.enrich.extract.signals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text reduced to what two spellings of one name share: {@link #letters} keeps letters and digits
 * only (no case, accents, spaces or punctuation: "Box Office Mojo" and "boxofficemojo" agree),
 * {@link #key} keeps word boundaries ("it s a wonderful life"). Stateless.
 */
public final class Words {

    private Words() {
    }

    /** Letters and digits only, lower case, accents removed. */
    public static String letters(String text) {
        if (text == null) {
            return "";
        }
        String s = stripAccents(text);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** Words of letters and digits, lower case, accents removed, separated by one space. */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String s = stripAccents(text);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.appendCodePoint(Character.toLowerCase(cp));
            } else if (cp != '\'' && cp != '\u2019') {
                space = true;
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** The words of {@link #key}. */
    public static List<String> tokens(String text) {
        String k = key(text);
        List<String> out = new ArrayList<>();
        if (!k.isEmpty()) {
            for (String w : k.split(" ")) {
                out.add(w);
            }
        }
        return out;
    }

    /** True when {@code inner}'s words appear, in order and whole, inside {@code outer}'s. */
    public static boolean containsWords(String outerKey, String innerKey) {
        if (innerKey.isEmpty() || outerKey.length() < innerKey.length()) {
            return false;
        }
        int from = 0;
        while (true) {
            int at = outerKey.indexOf(innerKey, from);
            if (at < 0) {
                return false;
            }
            int end = at + innerKey.length();
            boolean startOk = at == 0 || outerKey.charAt(at - 1) == ' ';
            boolean endOk = end == outerKey.length() || outerKey.charAt(end) == ' ';
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    /** True when the text has at least one letter. */
    public static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static String stripAccents(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        if (ascii) {
            return text.toLowerCase(Locale.ROOT);
        }
        String d = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
