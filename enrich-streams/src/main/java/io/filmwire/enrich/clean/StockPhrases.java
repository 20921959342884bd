package io.filmwire.enrich.clean;

import java.util.regex.Pattern;

/**
 * Lines that are page furniture by their words alone, in any layout: "Advertisement", "Read more",
 * "Share this article", a caption's credit "(Image: Getty)", a JavaScript notice, a dump of web
 * addresses. English stock phrases, plus the credit forms common in other languages. Stateless and
 * thread-safe.
 */
final class StockPhrases {

    /** Whole lines that are furniture (matched only on short lines). */
    private static final Pattern STOCK_PHRASE = Pattern.compile("(?iu)^[\\p{P}\\s]*(advertisement|advertising|adverts?|ads?|"
            + "sponsored( content)?|share( this)?( article| story| post| page)?( on \\w+)?|related( articles| stories| content| posts)?"
            + "|read (more|next|also)|continue reading|click here\\b.*|sign up\\b.*|subscribe\\b.*|follow us\\b.*"
            + "|(photo|image|picture|video|credit|source)s?( credit)?\\s*:.*|getty images|loading|skip to\\b.*|back to top"
            + "|more (on|from|about) this\\b.*|recommended\\b.*|comments?|\\d+ comments?|print|email|tweet|share on \\w+"
            + "|don'?t miss|also read|see also|most (read|popular|viewed)"
            + "|log ?in|sign ?in|register|next|previous|menu|search|close|open|edit( this)?( article| post| page)?"
            + "|.*\\bjavascript\\b.*)[\\p{P}\\s]*$");

    /** A caption's credit at its end: "... (Image: Getty)", "... Photo: AP". */
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "(?iu)[(\\[]\\s*(image|photo|picture|pic|credit|source|foto|bild)s?\\s*:[^)\\]]{1,80}[)\\]]\\s*$"
                    + "|^(image|photo|picture|credit|foto)s?( credit)?\\s*:");

    private StockPhrases() {
    }

    /** True when {@code text} (one block or paragraph) is furniture by its words. */
    static boolean isFurniture(String text) {
        return text.length() < 60 && STOCK_PHRASE.matcher(text).matches()
                || text.length() < 300 && text.indexOf(':') >= 0 && CREDIT_LINE.matcher(text).find() // each match holds a colon
                || isMostlyUrls(text);
    }

    /** Text that is mostly web addresses (image sources leaking from markup, lists of links written out). */
    private static boolean isMostlyUrls(String text) {
        if (text.indexOf("http") < 0) {
            return false;
        }
        int urlChars = 0;
        int urls = 0;
        for (String word : CompiledRx.P1.split(text)) {
            if (word.startsWith("http://") || word.startsWith("https://")) {
                urlChars += word.length();
                urls++;
            }
        }
        return urls >= 2 && urlChars * 2 > text.length();
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
