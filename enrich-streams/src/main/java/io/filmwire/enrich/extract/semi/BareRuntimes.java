package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.model.Layer;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Layer 2 for a running time shown alone ("120 mins", "1h 32m" in a page's fact strip): the first
 * text run that is nothing but a running time, outside the blocks of other films. Weaker than a
 * labelled one. Stateless.
 */
public final class BareRuntimes {

    private static final Pattern ONLY_RUNTIME = Pattern.compile(
            "(?i)^\\s*(\\d{1,2}\\s*h(rs?|ours?)?\\.?\\s*\\d{1,2}\\s*m(in(ute)?s?)?\\.?|\\d{2,3}\\s*(min|mins|minutes|m)\\.?)\\s*$");

    /** A digit and an "m": what each running time {@link #ONLY_RUNTIME} matches has (the others are not read). */
    static boolean mayBeRuntime(String raw) {
        boolean digit = false;
        boolean m = false;
        for (int i = 0, n = raw.length(); i < n && !(digit && m); i++) {
            char c = raw.charAt(i);
            digit |= c >= '0' && c <= '9';
            m |= c == 'm' || c == 'M';
        }
        return digit && m;
    }

    /** Adds the first bare running time. */
    public void extract(Element root, Set<Element> elsewhere, WorkFacts facts) {
        String[] found = {null};
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el && (DomText.INVISIBLE.contains(el.normalName())
                        || elsewhere.contains(el) || Regions.isElsewhere(el))) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                // a text of over 22 (20 once its edge spaces are stripped) is no bare running time: not made
                if (node instanceof TextNode t && mayBeRuntime(t.getWholeText()) && DomText.normalisedLength(t.getWholeText()) <= 22) {
                    String text = t.text().replace('\u00a0', ' ').strip();
                    if (text.length() <= 20 && ONLY_RUNTIME.matcher(text).matches()) {
                        found[0] = text;
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
        if (found[0] != null) {
            Runtimes.parse(found[0]).ifPresent(m -> facts.runtime(m, Layer.SEMI_STRUCTURED, found[0], 0.55));
        }
    }
}
