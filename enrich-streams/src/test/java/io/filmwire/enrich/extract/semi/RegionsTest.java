package io.filmwire.enrich.extract.semi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class RegionsTest {

    /** The names test as it stood before its precheck: the joined, lower-cased name against both patterns. */
    private static final Pattern ELSEWHERE = Pattern.compile(
            "(?i)(^|[-_ ])(related|recommend\\w*|similar|more-?like|also-?liked|rec_\\w+|suggest\\w*|you-may-like|"
                    + "trending|comments?|user-?reviews?|footer|site-?footer)($|[-_ ])");
    private static final Pattern FOOTER = Pattern.compile("(?i)footer|rodap[eé]|fusszeile|pie-?de-?pagina|pied-?de-?page|"
            + "piepagina|voettekst|stopka|altbilgi|подвал");

    @Test
    void namesAreJudgedAsTheJoinedLowerCasedNameIs() {
        String[] pieces = {"Related", "FOOTER", "rodapÉ", "Подвал", "подвал", "nav", "-", "_", " ", "x", "S\u0130MILAR",
            "comments", "pie-de-pagina", "more-like", "\u212aey", "rec_", "You-May-Like", "main"};
        Random r = new Random(3);
        int elsewhere = 0;
        for (int i = 0; i < 50_000; i++) {
            String id = random(r, pieces);
            String cls = random(r, pieces);
            Element el = new Element("div");
            if (!id.isEmpty()) {
                el.attr("id", id);
            }
            if (!cls.isEmpty()) {
                el.attr("class", cls);
            }
            String joined = (el.id() + " " + el.className()).toLowerCase(Locale.ROOT);
            boolean expected = !(el.id().isEmpty() && el.className().isEmpty())
                    && (ELSEWHERE.matcher(joined).find() || FOOTER.matcher(joined).find());
            assertEquals(expected, Regions.isElsewhere(el), id + " / " + cls);
            elsewhere += expected ? 1 : 0;
        }
        assertTrue(elsewhere > 5_000, "the random names hit the patterns often enough to test them");
    }

    private static String random(Random r, String[] pieces) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, n = r.nextInt(4); k < n; k++) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.toString();
    }
}
