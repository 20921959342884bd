package io.filmwire.enrich.page;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Generated film pages of the shapes that once made analysis cost more than linear in the page
 * (a 20,000-row label table, a 20,000-item {@code <dl>}, 100,000 nested {@code <div>}, 50,000 links in
 * a list) and a 10 MB page of prose. Each is a film page: its title, year and a fact come first, the
 * shape after. Shared by {@code PathologicalShapesTopologyTest} and the {@code PathologicalCost} bench.
 */
public final class PathologicalPages {

    private PathologicalPages() {
    }

    /** The shapes by name, each with the title of its film. */
    public record Shape(String name, String title, String html) {
    }

    /** The four shapes bounded by {@link PageBounds}, in a fixed order. */
    public static Map<String, Shape> bounded() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        add(shapes, "label-table", "The Long Table", 20_000, n -> "<table>",
                i -> "<tr><th>Director</th><td>Person Number" + i + "</td></tr>", "</table>");
        add(shapes, "definition-list", "The Endless List", 20_000, n -> "<dl>",
                i -> "<dt>Cast</dt><dd>Actor Name" + i + "</dd>", "</dl>");
        add(shapes, "deep-nesting", "The Deep Well", 100_000, n -> "", i -> "<div>",
                "Written by John Roe." + "</div>".repeat(100_000));
        add(shapes, "link-list", "The Many Roads", 50_000, n -> "<ul>",
                i -> "<li><a href=\"/film/f" + i + "\">Other Film " + i + "</a></li>", "</ul>");
        return shapes;
    }

    /** A film page of about {@code bytes} characters, most of them paragraphs of a long review. */
    public static Shape longPage(int bytes) {
        String[] words = {"light", "the", "actors", "of", "a", "scene", "which", "slowly", "turns", "into", "rain",
            "and", "memory", "while", "the", "camera", "waits", "for", "its", "city"};
        StringBuilder b = start("The Long Review");
        for (int p = 0; b.length() < bytes - 40; p++) {
            b.append("<p>Paragraph ").append(p).append(':');
            for (int w = 0; w < 24; w++) {
                b.append(' ').append(words[(p * 7 + w * 3) % words.length]);
            }
            b.append(".</p>\n");
        }
        return new Shape("long-page", "The Long Review", b.append("</body></html>").toString());
    }

    /** A film page whose body ends with {@code n} repetitions of a shape. */
    public static String filmPage(String title, int n, IntFunction<String> open, IntFunction<String> item, String close) {
        StringBuilder b = start(title).append(open.apply(n));
        for (int i = 0; i < n; i++) {
            b.append(item.apply(i));
        }
        return b.append(close).append("</body></html>").toString();
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<html><head><title>").append(title).append(" (1999)</title></head><body><h1>")
                .append(title).append(" (1999)</h1><p>").append(title)
                .append(" is a 1999 drama film directed by Jane Doe. Running time: 95 minutes.</p>");
    }

    private static void add(Map<String, Shape> shapes, String name, String title, int n, IntFunction<String> open,
                            IntFunction<String> item, String close) {
        shapes.put(name, new Shape(name, title, filmPage(title, n, open, item, close)));
    }
}
