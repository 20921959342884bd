package io.filmwire.enrich.clean;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Whitespace and character clean-up of extracted text: collapses spaces, drops control and
 * zero-width characters, and repairs the commonest broken encoding (UTF-8 bytes decoded as
 * windows-1252 or ISO-8859-1, "â€™" for "’"). Stateless and thread-safe.
 */
final class TextNormaliser {

    /** Characters windows-1252 gives bytes 0x80-0x9F (€, ‚, ’, “...) -> the byte. */
    private static final Map<Character, Integer> WINDOWS_1252_HIGH = windows1252High();

    private TextNormaliser() {
    }

    private static Map<Character, Integer> windows1252High() {
        Map<Character, Integer> map = new HashMap<>();
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b < 0xa0; b++) {
            String decoded = new String(new byte[] {(byte) b}, cp1252);
            if (decoded.length() == 1 && decoded.charAt(0) >= 0x100) {
                map.put(decoded.charAt(0), b);
            }
        }
        return Map.copyOf(map);
    }

    /** Text of inline content: every run of whitespace one space, except line breaks (kept, one at a time). */
    static String inline(CharSequence text) {
        CharSequence raw = repaired(text);
        return isInline(raw) ? raw.toString() : collapse(raw);
    }

    /**
     * Whether {@code raw} is already as {@link #collapse} leaves it (most runs of text are): no
     * invisible character, and each space or line break single, between two visible characters.
     */
    static boolean isInline(CharSequence raw) {
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\n') {
                if (i == 0 || i + 1 == n || !visible(raw.charAt(i - 1)) || !visible(raw.charAt(i + 1))) {
                    return false;
                }
            } else if (!visible(c)) {
                return false;
            }
        }
        return true;
    }

    /** A character {@link #collapse} keeps as it is. */
    private static boolean visible(char c) {
        return c != '\n' && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c);
    }

    /** Every run of whitespace one space, except line breaks (kept, one at a time); invisible characters dropped. */
    static String collapse(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                newline = true;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else if (!isInvisible(c)) {
                if (out.length() > 0) {
                    if (newline) {
                        out.append('\n');
                    } else if (space) {
                        out.append(' ');
                    }
                }
                space = false;
                newline = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Text of preformatted content: lines kept, trailing spaces and blank lines at the ends dropped. */
    static String preformatted(CharSequence text) {
        CharSequence raw = repaired(text);
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == '\t' || c == '\n' || !isInvisible(c) && !Character.isISOControl(c)) {
                out.append(c == '\u00a0' ? ' ' : c);
            }
        }
        return CompiledRx.P1.matcher(out.toString()).replaceAll("\n").strip();
    }

    /** One-line text: all whitespace collapsed to single spaces, trimmed. */
    static String line(CharSequence raw) {
        return inline(raw).replace('\n', ' ');
    }

    private static boolean isInvisible(char c) {
        return c < 0x20 || c == 0x7f || c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060'
                || c == '\ufeff' || c == '\u00ad' || (c >= 0x80 && c < 0xa0);
    }

    /**
     * Repairs UTF-8 text that was decoded as windows-1252 or ISO-8859-1 (mojibake: "â€™" for "’",
     * "Ã©" for "é"), run by run, where the run turns back into valid UTF-8 exactly; other text is
     * left as it is.
     */
    static String repair(CharSequence text) {
        return repaired(text).toString();
    }

    /** As {@link #repair}, giving {@code text} itself (no copy) when nothing in it looks misdecoded. */
    private static CharSequence repaired(CharSequence text) {
        if (!looksMisdecoded(text)) {
            return text;
        }
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (byteOf(s.charAt(i)) < 0x80) {
                out.append(s.charAt(i));
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && byteOf(s.charAt(j)) >= 0x80) {
                j++;
            }
            out.append(redecode(s, i, j));
            i = j;
        }
        return out.toString();
    }

    /** The byte a character came from when bytes were read as windows-1252 or ISO-8859-1; -1 if none. */
    private static int byteOf(char c) {
        if (c < 0x100) {
            return c;
        }
        Integer b = WINDOWS_1252_HIGH.get(c);
        return b == null ? -1 : b;
    }

    private static String redecode(String s, int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int k = from; k < to; k++) {
            bytes[k - from] = (byte) byteOf(s.charAt(k));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return s.substring(from, to);
        }
    }

    private static boolean looksMisdecoded(CharSequence s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '\u00c3' || c == '\u00c2' || c == '\u00e2' || c == '\u00c5') && s.charAt(i + 1) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("[ \\t]+\\n");

        private CompiledRx() {
        }
    }
}
