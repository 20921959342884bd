package io.filmwire.enrich.dedup;

import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * Real page fixtures ({@code src/test/resources/dedup}, see PROVENANCE.md there) and the copies a
 * syndicating or re-fetching site makes of them: other ads, other navigation, other whitespace,
 * tracking parameters on every link. Each copy keeps the article and changes only the furniture.
 */
final class PageVariants {

    static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private static final String SPONSOR = "<div class=\"partner-box\"><p>Sponsored: stream four thousand films free for "
            + "thirty days with CineMax Plus. Cancel any time, terms apply.</p></div>";
    private static final String AD_SLOT = "<div class=\"ad-slot\"><p>Advertisement: the best deals on televisions this week</p></div>";
    private static final String TOP_BAR = "<div class=\"topbar\"><a href=\"/\">Home</a> <a href=\"/movies\">Movies</a> "
            + "<a href=\"/tv\">TV shows</a> <a href=\"/news\">News</a> <a href=\"/trailers\">Trailers</a> "
            + "<a href=\"/login\">Sign in</a></div>";
    private static final String SITE_INFO = "<div class=\"site-info\">Copyright 2024 FilmSyndicate Media Group. All rights "
            + "reserved. Privacy policy, terms of use, contact us.</div>";

    private PageVariants() {
    }

    /** The text of fixture {@code name}. */
    static String fixture(String name) {
        try (InputStream in = PageVariants.class.getResourceAsStream("/dedup/" + name + ".gz")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw page with id {@code pageId} (as the offline commands give: the file name) and no URL. */
    static RawPage page(String pageId, String body, Instant at) {
        return new RawPage(pageId, null, "test", pageId.endsWith(".txt") ? RawPage.TEXT : RawPage.HTML, at, at, null, body);
    }

    /** The copies of a page, by what changed; HTML and text pages get the changes that fit them. */
    static Map<String, UnaryOperator<String>> variants(boolean html) {
        Map<String, UnaryOperator<String>> out = new LinkedHashMap<>();
        if (html) {
            out.put("whitespace", PageVariants::whitespace);
            out.put("tracking", PageVariants::tracking);
            out.put("ads", PageVariants::ads);
            out.put("navigation", PageVariants::navigation);
            out.put("all", b -> navigation(ads(tracking(whitespace(b)))));
        } else {
            out.put("whitespace", b -> b.replace("\n", "\r\n\r\n").replace(". ", ".  "));
            out.put("promotions", PageVariants::textPromotions);
            out.put("all", b -> textPromotions(b.replace("\n", "\n\n")));
        }
        return out;
    }

    static String whitespace(String html) {
        return html.replaceAll(">\\s*<", ">\n    \n<").replace("\n", "\r\n");
    }

    static String tracking(String html) {
        return html.replaceAll("href=\"([^\"#?]*)\"", "href=\"$1?utm_source=partner&utm_medium=syndication&fbclid=IwAR0x\"");
    }

    static String ads(String html) {
        int middle = html.indexOf("</p>", html.length() / 2);
        String out = middle < 0 ? html : html.substring(0, middle + 4) + SPONSOR + html.substring(middle + 4);
        return out.replaceFirst("(?i)(<body[^>]*>)", "$1" + AD_SLOT).replaceFirst("(?i)</body>", AD_SLOT + "</body>");
    }

    static String navigation(String html) {
        String out = html.replaceAll("(?is)<nav\\b.*?</nav>", "<nav><a href=\"/a\">Start</a> <a href=\"/b\">Reviews</a></nav>");
        return out.replaceFirst("(?i)(<body[^>]*>)", "$1" + TOP_BAR).replaceFirst("(?i)</body>", SITE_INFO + "</body>");
    }

    static String textPromotions(String text) {
        int middle = text.indexOf("\n\n", text.length() / 2);
        String body = middle < 0 ? text : text.substring(0, middle)
                + "\n\nSponsored: stream four thousand films free for thirty days with CineMax Plus.\n\n" + text.substring(middle);
        return "Advertisement\n\nSign up to our newsletter for the week's best films.\n\n" + body
                + "\n\nShare this article: Facebook, Twitter, Email\n";
    }
}
