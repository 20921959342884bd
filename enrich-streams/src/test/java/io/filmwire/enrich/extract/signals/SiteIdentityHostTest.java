package io.filmwire.enrich.extract.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SiteIdentity#hostOf}'s quick reading of plain links held to the URI parser's. */
class SiteIdentityHostTest {

    @Test
    void readsPlainLinks() {
        assertEquals("example.com", SiteIdentity.hostOf("https://www.Example.com/films?id=3#cast"));
        assertEquals("cdn.example.org", SiteIdentity.hostOf("//cdn.example.org/a.js"));
        assertEquals("example.com", SiteIdentity.hostOf("http://example.com:8080"));
        assertEquals("imdb.com", SiteIdentity.hostOf("  https://www.imdb.com/title/tt0468569/?ref_=nv sr 1  "));
        assertNull(SiteIdentity.hostOf("/title/tt0468569/"));
        assertNull(SiteIdentity.hostOf("mailto:someone@example.com"));
        assertNull(SiteIdentity.hostOf("/search?next=http://example.com/"));
        assertNull(SiteIdentity.hostOf("https://"));
    }

    @Test
    void leavesLinksThatAreNotPlainToTheUriParser() {
        for (String url : List.of("https://user@example.com/", "http://[::1]/x", "http://a_b.example.com/", "http://example.com:/",
                "http://example.com:80a/", "http://-bad.example.com/", "http://example.123/", "http://1.2.3.4/x",
                "http://example.com/a|b", "http://example.com/%zz", "http://example.com/a#b#c", "http://exa mple.com/",
                "http://example.com/\u0007")) {
            assertNull(SiteIdentity.plainHost(url), url);
            assertEquals(SiteIdentity.parsedHost(url), SiteIdentity.hostOf(url), url);
        }
    }

    @Test
    void givesWhatTheUriParserGivesOnRandomLinks() {
        Random random = new Random(20261203);
        String[] schemes = {"http:", "https:", "HTTP:", "ftp:", "a+b.c-d:", "1x:", "", "mailto:", "javascript:"};
        String[] hosts = {"example.com", "www.Example.COM", "a-b.c", "x", "a..b", "a.", ".a", "ab-.com", "-ab.com", "a.b-c.d9",
                "127.0.0.1", "xn--bcher-kva.example", "bücher.de", "a_b.com", "user@host.com", "[::1]", "host:8080", "host:",
                "host:x1", "", "1a.2b"};
        String pieces = "aZ09-_.!~*'();/?:@&=+$, %#[]|{}\"<>\\^`\u00e9\u4e2d\t\n\u00a0\u2028";
        int quick = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder url = new StringBuilder();
            if (random.nextInt(10) == 0) {
                url.append(' ');
            }
            url.append(schemes[random.nextInt(schemes.length)]).append(random.nextInt(8) == 0 ? "/" : "//");
            url.append(hosts[random.nextInt(hosts.length)]);
            int rest = random.nextInt(12);
            for (int k = 0; k < rest; k++) {
                int p = random.nextInt(pieces.length() + 4);
                if (p >= pieces.length()) {
                    url.append(p % 2 == 0 ? "%2F" : "%4");
                } else {
                    url.append(pieces.charAt(p));
                }
            }
            String u = url.toString();
            if (SiteIdentity.plainHost(u.strip()) != null) {
                quick++;
            }
            assertEquals(SiteIdentity.parsedHost(u), SiteIdentity.hostOf(u), u);
        }
        assertTrue(quick > 400, "the quick reading served " + quick + " links");
    }

    @Test
    void givesWhatTheUriParserGivesOnEveryLinkOfTheSharedCorpus() throws IOException {
        Path corpus = Path.of("../../shared/corpus");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("../shared/corpus");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no shared corpus here");
        Pattern href = Pattern.compile("href\\s*=\\s*[\"']([^\"']*)[\"']");
        List<String> links = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = href.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                while (m.find()) {
                    links.add(org.jsoup.parser.Parser.unescapeEntities(m.group(1), true));
                }
            }
        }
        assertTrue(links.size() > 1_000, links.size() + " links");
        int absolute = 0;
        int quick = 0;
        for (String link : links) {
            assertEquals(SiteIdentity.parsedHost(link), SiteIdentity.hostOf(link), link);
            if (SiteIdentity.parsedHost(link) != null) {
                absolute++;
                quick += SiteIdentity.plainHost(link.strip()) != null ? 1 : 0;
            }
        }
        // real pages' links are almost all plain: the URI parser is left the odd one
        assertTrue(quick > absolute * 0.9, quick + " of " + absolute + " links with a host read quickly");
    }
}
