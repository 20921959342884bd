package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * People listed under a credit label, row by row: table rows, list items, or repeated blocks give one
 * person each ("Ben Kingsley ... Mahatma Gandhi", "Richard Attenborough .... producer"); running
 * text gives a list ("Roxy Rezvany, Matt Diegan and Aya Kaido"), where linked names are preferred.
 * Stateless.
 */
public final class CreditRows {

    /** One person: the name, and what the row says besides (a character, or the crew job). */
    public record Row(String name, String detail) {
    }

    private static final Set<String> ROW_TAGS = Set.of("tr", "li", "dd");
    private static final int MAX_ROWS = 3000;

    private CreditRows() {
    }

    /** The people in the value nodes that follow a credit label. */
    public static List<Row> rows(List<Node> value) {
        List<Element> rowElements = new ArrayList<>();
        for (Node n : value) {
            collectRows(n, rowElements);
            if (rowElements.size() > MAX_ROWS) {
                break;
            }
        }
        List<Row> rows = new ArrayList<>();
        if (rowElements.size() >= 2 || rowElements.size() == 1 && value.size() == 1) {
            boolean personLast = personInLastColumn(rowElements);
            if (rowElements.size() == 1 && value.size() == 1 && commaList(rowElements.get(0))) {
                for (String name : names(List.of(rowElements.get(0)))) {
                    rows.add(new Row(name, null));
                }
                return rows;
            }
            for (Element row : rowElements) {
                Row r = personLast ? lastColumnRow(row) : row(row);
                if (r != null) {
                    rows.add(r);
                } else {
                    // a row holding a list of names ("A, B and C" in one cell)
                    for (String name : names(List.of(row))) {
                        rows.add(new Row(name, null));
                    }
                }
            }
            return rows;
        }
        for (String name : names(value)) {
            rows.add(new Row(name, null));
        }
        return rows;
    }

    private static void collectRows(Node node, List<Element> out) {
        if (!(node instanceof Element el) || DomText.INVISIBLE.contains(el.normalName())) {
            return;
        }
        String tag = el.normalName();
        if (tag.equals("thead") || tag.equals("tr") && !el.children().isEmpty()
                && el.children().stream().allMatch(c -> c.normalName().equals("th"))) {
            return; // a header row names the columns ("Role | Contributor"), not people
        }
        if (ROW_TAGS.contains(tag)) {
            out.add(el);
            return;
        }
        if (tag.equals("table") || tag.equals("tbody") || tag.equals("thead") || tag.equals("ul") || tag.equals("ol")
                || tag.equals("dl")) {
            for (Element child : el.children()) {
                collectRows(child, out);
            }
            return;
        }
        // repeated blocks: a container whose children are several similar elements, each a person
        List<Element> children = new ArrayList<>();
        for (Element child : el.children()) {
            if (!DomText.INVISIBLE.contains(child.normalName()) && child.hasText()) {
                children.add(child);
            }
        }
        if (children.size() >= 2 && similar(children)) {
            for (Element child : children) {
                if (!child.text().isBlank()) {
                    out.add(child);
                }
            }
            return;
        }
        for (Element child : children) {
            collectRows(child, out);
        }
    }

    private static boolean similar(List<Element> children) {
        Element first = children.get(0);
        String tag = first.normalName();
        String cls = firstClass(first);
        int same = 0;
        for (Element c : children) {
            if (c.normalName().equals(tag) && firstClass(c).equals(cls)) {
                same++;
            }
        }
        return same >= 2 && same >= children.size() * 0.6 && !tag.equals("a") && !tag.equals("span")
                && !tag.equals("br");
    }

    private static String firstClass(Element el) {
        String cls = el.className().strip();
        int space = cls.indexOf(' ');
        return space < 0 ? cls : cls.substring(0, space);
    }

    /**
     * True for a table whose rows give the job or the character first and the person last ("Director |
     * Orson Welles", "Charles Foster Kane | Orson Welles"): some row starts with a job, none ends with one.
     */
    static boolean personInLastColumn(List<Element> rows) {
        int jobFirst = 0;
        int jobLast = 0;
        for (Element row : rows) {
            List<String> cells = cells(row);
            if (cells.size() != 2) {
                continue;
            }
            if (!Labels.rolesOfDescription(cells.get(0)).isEmpty() && PersonNames.isName(PersonNames.clean(cells.get(1)))) {
                jobFirst++;
            }
            if (!Labels.rolesOfDescription(cells.get(1)).isEmpty()) {
                jobLast++;
            }
        }
        return jobFirst >= 1 && jobLast == 0;
    }

    /** The person of a row whose last cell is the person and whose first is the job or the character. */
    static Row lastColumnRow(Element row) {
        List<String> cells = cells(row);
        if (cells.size() < 2) {
            return row(row);
        }
        String name = PersonNames.clean(cells.get(cells.size() - 1));
        if (!PersonNames.isName(name)) {
            return null;
        }
        return new Row(name, String.join(" ", cells.subList(0, cells.size() - 1)).strip());
    }

    /** A single row that is a comma list of names ("Quentin Tarantino, Roger Avary"). */
    private static boolean commaList(Element row) {
        List<String> cells = cells(row);
        int names = 0;
        boolean comma = false;
        for (String c : cells) {
            String t = c.strip();
            if (t.equals(",") || t.endsWith(",")) {
                comma = true;
            }
            if (PersonNames.isName(PersonNames.clean(t))) {
                names++;
            }
        }
        return comma && names >= 2;
    }

    /** The person of a row: the first cell that is a name, with the cells after it as the detail. */
    static Row row(Element row) {
        List<String> cells = cells(row);
        int i = 0;
        while (i < cells.size() && CompiledRx.P1.matcher(cells.get(i).strip()).matches()) {
            i++;
        }
        if (i >= cells.size()) {
            return null;
        }
        String name = PersonNames.clean(cells.get(i));
        if (!PersonNames.isName(name)) {
            return null;
        }
        StringBuilder detail = new StringBuilder();
        for (int j = i + 1; j < cells.size(); j++) {
            String c = cells.get(j).strip();
            if (CompiledRx.P2.matcher(c).matches() || c.equalsIgnoreCase("as")) {
                continue;
            }
            if (detail.length() > 0) {
                detail.append(' ');
            }
            detail.append(c);
        }
        String rest = cells.get(i).replace(name, "").strip();
        if (detail.length() == 0 && CompiledRx.P3.matcher(rest).matches()) {
            detail.append(CompiledRx.P4.matcher(rest).replaceFirst(""));
        }
        return new Row(name, detail.length() == 0 ? null : CompiledRx.P5.matcher(detail.toString()).replaceFirst(""));
    }

    /** The texts of a row's cells: its own text runs and those of its descendants, in order. */
    static List<String> cells(Element row) {
        List<String> cells = new ArrayList<>();
        collectCells(row, cells);
        return cells;
    }

    private static void collectCells(Element el, List<String> cells) {
        StringBuilder own = new StringBuilder();
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode t) {
                own.append(t.text());
            } else if (child instanceof Element c && !DomText.INVISIBLE.contains(c.normalName())) {
                flush(own, cells);
                if (c.normalName().equals("br")) {
                    continue;
                }
                collectCells(c, cells);
            }
        }
        flush(own, cells);
    }

    private static void flush(StringBuilder own, List<String> cells) {
        String text = own.toString().replace('\u00a0', ' ').strip();
        if (!text.isEmpty()) {
            cells.add(text);
        }
        own.setLength(0);
    }

    /**
     * The names in running text: linked names when the text links people, else the text split at
     * commas and "and".
     */
    static List<String> names(List<? extends Node> value) {
        List<String> out = new ArrayList<>();
        for (Line line : lines(value)) {
            if (isProse(line.text())) {
                continue;
            }
            List<String> linked = new ArrayList<>();
            for (String link : line.links()) {
                String name = PersonNames.clean(link);
                if (PersonNames.isName(name)) {
                    linked.add(name);
                }
            }
            // a line that links its people is read by its links ("Stephen King (short story) Frank Darabont")
            List<String> names = !linked.isEmpty() && linked.size() * 2 >= line.links().size() - 2
                    ? linked : PersonNames.split(line.text());
            for (String name : names) {
                if (!out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** A line of a value: its text and the texts of the links in it. */
    private record Line(String text, List<String> links) {
    }

    /** The value cut into lines at blocks and {@code <br>}, each with its links. */
    private static List<Line> lines(List<? extends Node> value) {
        List<Line> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> links = new ArrayList<>();
        for (Node n : value) {
            collectLines(n, text, links, lines);
        }
        endLine(text, links, lines);
        return lines;
    }

    private static void collectLines(Node node, StringBuilder text, List<String> links, List<Line> lines) {
        if (node instanceof TextNode t) {
            text.append(t.text());
            return;
        }
        if (!(node instanceof Element el) || DomText.INVISIBLE.contains(el.normalName())) {
            return;
        }
        String tag = el.normalName();
        boolean block = DomText.BLOCKS.contains(tag);
        if (block) {
            endLine(text, links, lines);
        }
        if (tag.equals("a")) {
            String linkText = el.text().strip();
            if (!linkText.isEmpty()) {
                links.add(linkText);
            }
            text.append(el.text());
        } else {
            for (Node child : el.childNodes()) {
                collectLines(child, text, links, lines);
            }
        }
        if (block) {
            endLine(text, links, lines);
        }
    }

    private static void endLine(StringBuilder text, List<String> links, List<Line> lines) {
        String t = CompiledRx.P6.matcher(text.toString().replace('\u00a0', ' ')).replaceAll(" ").strip();
        if (!t.isEmpty()) {
            lines.add(new Line(t, List.copyOf(links)));
        }
        text.setLength(0);
        links.clear();
    }

    /** A sentence rather than a list of names: long, or with a full stop inside. */
    static boolean isProse(String line) {
        String s = line.strip();
        if (CompiledRx.P7.matcher(s).matches()) {
            return true;
        }
        String[] items = CompiledRx.P8.split(s);
        if (items.length >= 3 && CompiledRx.P6.split(s).length <= items.length * 4) {
            return false; // a list of names, however long
        }
        return CompiledRx.P6.split(s).length > 14;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("[\\p{Punct}\\d\\s…]*");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("[.…\\s]*");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("(?s)^[.…\\s]{2,}.*");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("^[.…\\s]+");
        static final java.util.regex.Pattern P5 = java.util.regex.Pattern.compile("^(?i)as\\s+");
        static final java.util.regex.Pattern P6 = java.util.regex.Pattern.compile("\\s+");
        static final java.util.regex.Pattern P7 = java.util.regex.Pattern.compile(".*[a-z]{3,}[.!?]\\s+[A-Z].*");
        static final java.util.regex.Pattern P8 = java.util.regex.Pattern.compile("\\s*[,;،]\\s*");

        private CompiledRx() {
        }
    }
}
