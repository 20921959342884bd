package io.filmwire.ingest;

import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns bytes into a {@link RawPage}: decodes the charset (byte-order mark, valid UTF-8, the declared
 * charset, a {@code <meta charset>}, ICU4J's detector, else windows-1252: see {@link #decode}), decides HTML or
 * text, refuses binary content, and takes the canonical URL from the page
 * ({@code <link rel=canonical>}, {@code og:url}) when none is given. Stateless and thread-safe.
 */
public final class PageFactory {

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)");
    private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 8192;

    private PageFactory() {
    }

    /** Why bytes cannot be a page. */
    public static final class UnsupportedContentException extends IllegalArgumentException {
        public UnsupportedContentException(String message) {
            super(message);
        }
    }

    /**
     * A page from {@code bytes}.
     *
     * @param declaredType a media type given by the sender ({@code text/html}, {@code text/plain}) or null
     * @param charset      a charset given by the sender, or null
     * @param url          the page's URL, or null (then the page's own canonical link, or the content hash)
     * @throws UnsupportedContentException when the bytes are binary
     */
    public static RawPage fromBytes(byte[] bytes, String declaredType, String charset, String url, String source,
                                    Instant fetchedAt, Instant receivedAt, String title) {
        if (looksBinary(bytes)) {
            throw new UnsupportedContentException("the content is binary (NUL bytes or a known binary signature);"
                    + " send an HTML or plain-text page");
        }
        String text = decode(bytes, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        boolean html = declaredType != null ? declaredType.toLowerCase(Locale.ROOT).contains("html") || looksHtml(text)
                : looksHtml(text);
        String canonical = url == null ? null : PageIds.canonicalUrl(url);
        if (canonical == null && html) {
            canonical = canonicalLink(text);
        }
        String pageId = canonical != null ? canonical : PageIds.contentId(text);
        return new RawPage(pageId, canonical, source, html ? RawPage.HTML : RawPage.TEXT, fetchedAt, receivedAt,
                title, text);
    }

    /** True when the text starts like an HTML document. */
    public static boolean looksHtml(String text) {
        String head = text.length() > 2048 ? text.substring(0, 2048) : text;
        return HTML_START.matcher(head).find();
    }

    /** True for content with NUL bytes or a common binary signature (PDF, ZIP, images). */
    public static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        if (startsWith(bytes, "%PDF") || startsWith(bytes, "PK\u0003\u0004") || startsWith(bytes, "\u0089PNG")
                || startsWith(bytes, "GIF8") || (n > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8)) {
            return true;
        }
        boolean utf16 = n >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe);
        if (utf16) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, String signature) {
        if (bytes.length < signature.length()) {
            return false;
        }
        for (int i = 0; i < signature.length(); i++) {
            if ((bytes[i] & 0xff) != signature.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code bytes}, trusting the bytes over what the page says of them: a byte-order mark;
     * then UTF-8 when the bytes are valid UTF-8 (whatever the page or the sender declares: a page
     * saved as UTF-8 often keeps the {@code windows-1251} of its original); then the sender's
     * charset; then the page's {@code <meta charset>}; then the encoding ICU4J's CharsetDetector
     * finds most likely; windows-1252 as the last resort.
     *
     * @param declared the charset the sender gave (a {@code Content-Type} parameter), or null
     */
    public static String decode(byte[] bytes, String declared) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            return new String(bytes, bom);
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        Charset charset = charset(declared);
        if (charset == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                charset = charset(m.group(1));
            }
        }
        if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
            charset = detected(bytes);
        }
        return new String(bytes, charset);
    }

    /** The bytes as UTF-8, or null when they are not valid UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Least confidence (0-100) at which the detector's guess is taken over windows-1252. */
    private static final int MIN_DETECTOR_CONFIDENCE = 20;

    /** The legacy encoding ICU4J finds most likely for bytes that are not UTF-8; windows-1252 when it is unsure. */
    static Charset detected(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        // markup is ASCII whatever the encoding: the detector judges the text
        detector.enableInputFilter(true);
        detector.setText(bytes.length > DETECT_BYTES ? java.util.Arrays.copyOf(bytes, DETECT_BYTES) : bytes);
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < MIN_DETECTOR_CONFIDENCE) {
                break;
            }
            Charset found = charset(match.getName());
            if (found != null && !found.equals(StandardCharsets.UTF_8) && !found.name().startsWith("UTF-")) {
                // ISO-8859-1 is read as its superset windows-1252, as browsers do
                return found.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : found;
            }
        }
        return WINDOWS_1252;
    }

    /** Bytes the detector reads at most: enough text to tell encodings apart. */
    private static final int DETECT_BYTES = 64 * 1024;

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The page's canonical URL from its head, or null. */
    static String canonicalLink(String html) {
        int end = html.toLowerCase(Locale.ROOT).indexOf("</head>");
        String head = end > 0 ? html.substring(0, end) : html.substring(0, Math.min(html.length(), 65536));
        Document doc = Jsoup.parse(head);
        for (Element el : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            String href = el.hasAttr("href") ? el.attr("href") : el.attr("content");
            String canonical = PageIds.canonicalUrl(href);
            if (canonical != null) {
                return canonical;
            }
        }
        return null;
    }
}
