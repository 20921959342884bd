package io.filmwire.enrich.extract.text;

/**
 * Digits of other scripts as ASCII digits (Persian ۰-۹, Arabic-Indic ٠-٩, Devanagari, full-width),
 * and every Unicode space (no-break, thin) as a plain space, so that patterns read them all.
 */
public final class Digits {

    private Digits() {
    }

    /** {@code text} with every decimal digit of any script as its ASCII digit, Arabic separators and Unicode spaces as ASCII. */
    public static String ascii(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = c;
            if (c < 0x80) {
                continue; // ASCII: its digits are already ASCII, and its only space character is the space
            }
            if (Character.isDigit(c)) {
                int v = Character.digit(c, 10);
                if (v >= 0) {
                    r = (char) ('0' + v);
                }
            } else if (c != ' ' && Character.isSpaceChar(c)) {
                r = ' ';
            } else if (c == '\u066B') {
                r = '.';
            } else if (c == '\u066C' || c == '\u060C') {
                r = ',';
            }
            if (r != c) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, r);
            }
        }
        return out == null ? text : out.toString();
    }
}
