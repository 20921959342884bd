package io.filmwire.enrich.clean;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whitespace and character clean-up of extracted text: collapses spaces, drops control and
 * zero-width characters, and repairs the commonest broken encoding (UTF-8 bytes decoded as
 * windows-1252, "â€™" for "’"). Stateless and thread-safe.
 */
final class TextNormaliser {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextNormaliser() {
    }

    /** Text of inline content: every run of whitespace one space, except line breaks (kept, one at a time). */
    static String inline(CharSequence raw) {
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
        return repair(out);
    }

    /** Text of preformatted content: lines kept, trailing spaces and blank lines at the ends dropped. */
    static String preformatted(CharSequence raw) {
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
        return repair(out.toString().replaceAll("[ \\t]+\\n", "\n").strip());
    }

    /** One-line text: all whitespace collapsed to single spaces, trimmed. */
    static String line(CharSequence raw) {
        return inline(raw).replace('\n', ' ');
    }

    private static boolean isInvisible(char c) {
        return c < 0x20 || c == 0x7f || c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060'
                || c == '\ufeff' || c == '\u00ad' || (c >= 0x80 && c < 0xa0);
    }

    /** Repairs UTF-8 text that was decoded as windows-1252 (mojibake), where it can be undone exactly. */
    static String repair(CharSequence text) {
        String s = text.toString();
        if (!looksMisdecoded(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        CharsetEncoder encoder = WINDOWS_1252.newEncoder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 0x80 || !encoder.canEncode(c)) {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && s.charAt(j) >= 0x80 && encoder.canEncode(s.charAt(j))) {
                j++;
            }
            out.append(redecode(s.substring(i, j)));
            i = j;
        }
        return out.toString();
    }

    private static boolean looksMisdecoded(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '\u00c3' || c == '\u00c2' || c == '\u00e2' || c == '\u00c5') && s.charAt(i + 1) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private static String redecode(String run) {
        try {
            ByteBuffer bytes = WINDOWS_1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(run));
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return run;
        }
    }
}
