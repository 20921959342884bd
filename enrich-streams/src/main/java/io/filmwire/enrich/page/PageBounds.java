package io.filmwire.enrich.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Bounds a parsed page's shape before it is read, so that no step's cost grows faster than the
 * page: an element keeps at most {@link #MAX_CHILDREN} child elements (the rows of a generated
 * table, the items of a 50,000-link list: no work is told in its 2,001st row), and an element nested
 * deeper than {@link #MAX_DEPTH} is replaced by its text (its words stay, its structure goes). One
 * walk (Jsoup's iterative traversal); the page's own structure is untouched below the bounds.
 */
public final class PageBounds {

    /** Child elements an element keeps. */
    public static final int MAX_CHILDREN = 2_000;
    /** Depth of elements below the body past which an element's structure is flattened to its text. */
    public static final int MAX_DEPTH = 256;

    /** What was cut: elements dropped past the children bound, subtrees flattened past the depth bound. */
    public record Trimmed(int droppedChildren, int flattened) {
        public boolean any() {
            return droppedChildren > 0 || flattened > 0;
        }
    }

    private PageBounds() {
    }

    /** Trims {@code doc} in place to the bounds; says what it cut. */
    public static Trimmed trim(Document doc) {
        int[] dropped = {0};
        int[] flattened = {0};
        doc.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (depth > MAX_DEPTH) {
                    String text = el.text();
                    el.empty();
                    el.appendText(text);
                    flattened[0]++;
                    return FilterResult.SKIP_CHILDREN;
                }
                dropped[0] += dropPastBound(el);
                return FilterResult.CONTINUE;
            }
        });
        return new Trimmed(dropped[0], flattened[0]);
    }

    /**
     * Drops the child nodes of {@code el} from its {@link #MAX_CHILDREN}+1st child element on (the text
     * between dropped rows goes with them); returns the number of elements dropped. Linear in the
     * children: the kept ones are put back in one go.
     */
    private static int dropPastBound(Element el) {
        int n = el.childNodeSize();
        if (n <= MAX_CHILDREN) {
            return 0;
        }
        int cut = -1;
        int elements = 0;
        for (int i = 0; i < n; i++) {
            if (el.childNode(i) instanceof Element && ++elements > MAX_CHILDREN) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            return 0;
        }
        int dropped = 1; // the element at the cut, the first past the bound
        for (int i = cut + 1; i < n; i++) {
            if (el.childNode(i) instanceof Element) {
                dropped++;
            }
        }
        // removed in one go: Jsoup finds a node to remove by a scan of its siblings, so removing the
        // dropped nodes one by one would cost their number times the children
        java.util.List<Node> kept = new java.util.ArrayList<>(el.childNodes().subList(0, cut));
        el.empty();
        el.appendChildren(kept);
        return dropped;
    }
}
