package io.filmwire.enrich.extract.structured;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.filmwire.enrich.extract.text.TextScan;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The JSON-LD blocks of a page, read tolerantly: HTML entities, comment or CDATA wrappers,
 * trailing semicolons and commas, control characters, several objects in a row; a block that still
 * cannot be read is skipped and the others are kept. Stateless and thread-safe.
 */
public final class JsonLd {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private JsonLd() {
    }

    /** A script longer than this is not read (a page's real JSON-LD is a few KB). */
    static final int MAX_SCRIPT_CHARS = 1 << 20;
    /** Objects kept at most per page: bounds the walk of a hostile document. */
    static final int MAX_OBJECTS = 20_000;

    /** Every JSON object in the page's JSON-LD scripts, with nested containers flattened, in page order. */
    public static List<JsonNode> objects(Document doc) {
        List<String> scripts = new ArrayList<>();
        for (Element script : doc.select(Queries.Q1)) {
            scripts.add(script.data());
        }
        return objects(scripts);
    }

    /**
     * Every JSON object in these JSON-LD script texts: a graph's members, a list's items, what a
     * review or page is about, each after the object holding it. Bounded in size and count.
     */
    public static List<JsonNode> objects(List<String> scripts) {
        // the cleaner and the signals each read the page's scripts: the second reading of the same
        // texts on a thread is the first one's (the nodes are only read, never changed)
        Last last = LAST.get();
        if (scripts.equals(last.scripts)) {
            return last.objects;
        }
        List<JsonNode> objects = java.util.Collections.unmodifiableList(read(scripts));
        last.scripts = List.copyOf(scripts);
        last.objects = objects;
        return objects;
    }

    /** The scripts last read on a thread and their objects. */
    private static final class Last {
        List<String> scripts;
        List<JsonNode> objects;
    }

    private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

    /** Whether {@code script} is a JSON-LD script as {@link #objects(Document)} selects them (its type names JSON-LD). */
    public static boolean isJsonLdScript(Element script) {
        return script.normalName().equals("script") && script.hasAttr("type")
                && Queries.TYPE.matcher(script.attr("type")).find();
    }

    private static List<JsonNode> read(List<String> scripts) {
        List<JsonNode> out = new ArrayList<>();
        for (String script : scripts) {
            if (script.length() > MAX_SCRIPT_CHARS) {
                continue;
            }
            for (JsonNode node : parse(script)) {
                flatten(node, out);
            }
        }
        return out;
    }

    /** The JSON values in one script's text; empty when none can be read. */
    static List<JsonNode> parse(String raw) {
        String text = raw.strip();
        text = unwrap(text, "<!--", false, "-->", false).strip();
        text = unwrap(text, "<![CDATA[", true, "]]>", true).strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        List<JsonNode> values = new ArrayList<>();
        if (text.isEmpty()) {
            return values;
        }
        if (!readAll(text, values) && text.contains("&")) {
            values.clear();
            readAll(Parser.unescapeEntities(text, false), values);
        }
        return values;
    }

    /**
     * {@code text} without {@code open} at its start and {@code close} at its end, each optionally
     * behind "//" and ASCII white space (a script's comment markers, "// <![CDATA[" ... "// ]]>"): what
     * removing the pattern {@code ^(//)?\s*OPEN|(//)?\s*CLOSE$} from an unpadded text gives, by looking
     * at both ends only (a pattern with an alternative at the end is tried at every position).
     */
    static String unwrap(String text, String open, boolean commentedOpen, String close, boolean commentedClose) {
        int from = 0;
        int at = 0;
        if (commentedOpen && text.startsWith("//")) {
            at = 2;
        }
        while (commentedOpen && at < text.length() && TextScan.isRegexSpace(text.charAt(at))) {
            at++;
        }
        if (text.startsWith(open, at)) {
            from = at + open.length();
        } else if (text.startsWith(open)) {
            from = open.length();
        }
        int to = text.length();
        if (text.endsWith(close) && to - close.length() >= from) {
            int cut = to - close.length();
            if (commentedClose) {
                while (cut > from && TextScan.isRegexSpace(text.charAt(cut - 1))) {
                    cut--;
                }
                if (cut - 2 >= from && text.startsWith("//", cut - 2)) {
                    cut -= 2;
                }
            }
            to = cut;
        }
        return from == 0 && to == text.length() ? text : text.substring(from, to);
    }

    private static boolean readAll(String text, List<JsonNode> out) {
        try (JsonParser parser = LENIENT.createParser(text)) {
            while (true) {
                JsonNode node = LENIENT.readTree(parser);
                if (node == null || node.isMissingNode()) {
                    return true;
                }
                out.add(node);
            }
        } catch (Exception e) {
            return !out.isEmpty();
        }
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        if (node == null || out.size() >= MAX_OBJECTS) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out));
        } else if (node.isObject()) {
            out.add(node);
            // containers of other objects: a graph, a list of items, what a review or page is about
            for (String key : new String[] {"@graph", "itemListElement", "item", "mainEntity", "itemReviewed",
                    "workPresented", "about"}) {
                JsonNode inner = node.get(key);
                if (inner != null && (inner.isObject() || inner.isArray())) {
                    flatten(inner, out);
                }
            }
        }
    }

    /** The {@code @type} values of an object, lower case. */
    public static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        JsonNode t = node.get("@type");
        if (t != null) {
            if (t.isArray()) {
                t.forEach(x -> types.add(x.asText().toLowerCase(java.util.Locale.ROOT)));
            } else {
                types.add(t.asText().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return types;
    }

    /** A text value with HTML entities decoded, or null: a string, or the "name" of an object. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.get("name"));
        }
        String s = Parser.unescapeEntities(node.asText(), false).strip();
        return s.isEmpty() ? null : s;
    }

    /** The elements of a value that may be one object or an array of them. */
    public static List<JsonNode> items(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** The CSS queries of this file, parsed once (a query string is parsed again at each call). */
    private static final class Queries {
        static final org.jsoup.select.Evaluator Q1 = org.jsoup.select.QueryParser.parse("script[type~=(?i)application/ld\\+json]");
        /** The type of {@link #Q1}'s scripts, for {@link #isJsonLdScript}. */
        static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("(?i)application/ld\\+json");

        private Queries() {
        }
    }
}
