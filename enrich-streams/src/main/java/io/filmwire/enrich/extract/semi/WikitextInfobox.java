package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.structured.Titles;
import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.PersonNames;
import io.filmwire.enrich.model.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Layer 2 in wiki markup: the {@code {{Infobox film | director = [[...]] | ...}}} template of a
 * MediaWiki page (raw wikitext or an XML export), its parameters read like labelled values: links,
 * references, comments and list templates ({@code {{Plain list|...}}}, {@code {{ubl|...}}}) are
 * unwrapped, {@code {{Film date|1976|02|08}}} gives the year. Stateless.
 */
public final class WikitextInfobox {

    private static final Pattern START = Pattern.compile("(?i)\\{\\{\\s*infobox[ _](film|movie)\\b");
    private static final Pattern PAGE_TITLE = Pattern.compile("<title>([^<]+)</title>");
    private static final Map<String, String> PARAMS = new LinkedHashMap<>();

    static {
        String[][] map = {
                {"director", "Directed by"}, {"directors", "Directed by"}, {"producer", "Produced by"},
                {"producers", "Produced by"}, {"executive_producer", "Executive producer"},
                {"writer", "Written by"}, {"writers", "Written by"}, {"screenplay", "Screenplay by"},
                {"story", "Story by"}, {"starring", "Starring"}, {"narrator", "Featuring"}, {"music", "Music by"},
                {"cinematography", "Cinematography"}, {"editing", "Edited by"}, {"editor", "Edited by"},
                {"production_design", "Production design"}, {"released", "Release date"},
                {"release_date", "Release date"}, {"runtime", "Running time"}, {"language", "Language"},
                {"name", "Title"}, {"native_name", "Original title"}, {"alt_name", "Also known as"}};
        for (String[] m : map) {
            PARAMS.put(m[0], m[1]);
        }
    }

    /** True when {@code text} holds a film infobox in wiki markup. */
    public static boolean applies(String text) {
        return START.matcher(text).find() || START.matcher(Parser.unescapeEntities(text, false)).find();
    }

    /** Adds the facts of the page's film infobox; returns false when it has none. */
    public boolean extract(String rawText, WorkFacts facts) {
        String text = rawText.contains("&lt;") || rawText.contains("&amp;") ? Parser.unescapeEntities(rawText, false) : rawText;
        Matcher m = START.matcher(text);
        if (!m.find()) {
            return false;
        }
        int end = matchingClose(text, m.start());
        String body = text.substring(m.end(), end);
        for (Map.Entry<String, String> param : params(body).entrySet()) {
            String label = PARAMS.get(param.getKey());
            if (label == null) {
                continue;
            }
            var meaning = Labels.whole(label).orElseThrow();
            String value = clean(param.getValue());
            if (value.isBlank()) {
                continue;
            }
            List<CreditRows.Row> rows = new ArrayList<>();
            if (meaning.field() == Labels.Field.CREDIT) {
                for (String line : CompiledRx.P1.split(value)) {
                    PersonNames.split(line).forEach(n -> rows.add(new CreditRows.Row(n, null)));
                }
            }
            LabelValues.add(meaning, label + " =", value, rows, facts);
        }
        Matcher title = PAGE_TITLE.matcher(text);
        if (title.find()) {
            Titles.Parsed parsed = Titles.parseTitle(title.group(1));
            facts.title(parsed.title(), Layer.SEMI_STRUCTURED, "<title>" + title.group(1) + "</title>", 0.75);
            if (parsed.year() != null) {
                facts.year(parsed.year(), Layer.SEMI_STRUCTURED, "<title>" + title.group(1) + "</title>", 0.7);
            }
        }
        return true;
    }

    private static int matchingClose(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length() - 1; i++) {
            if (text.startsWith("{{", i)) {
                depth++;
                i++;
            } else if (text.startsWith("}}", i)) {
                depth--;
                i++;
                if (depth == 0) {
                    return i - 1;
                }
            }
        }
        return text.length();
    }

    /** The template's parameters: name -> raw value, split at '|' outside nested links and templates. */
    static Map<String, String> params(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if ((c == '{' || c == '[') && i + 1 < body.length() && body.charAt(i + 1) == c) {
                depth++;
                cur.append(c).append(c);
                i++;
            } else if ((c == '}' || c == ']') && i + 1 < body.length() && body.charAt(i + 1) == c) {
                depth = Math.max(0, depth - 1);
                cur.append(c).append(c);
                i++;
            } else if (c == '|' && depth == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace(' ', '_'),
                        part.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern REF = Pattern.compile("(?is)<ref[^>/]*/>|<ref[^>]*>.*?</ref>");
    private static final Pattern LINK = Pattern.compile("\\[\\[(?:[^|\\]]*\\|)?([^\\]]*)]]");
    private static final Pattern FILM_DATE = Pattern.compile(
            "(?i)\\{\\{\\s*(?:film date|start date|release date)\\s*\\|(?:\\s*\\w+\\s*=[^|}]*\\|)*\\s*(\\d{4})[^}]*}}");
    private static final Pattern LIST_TEMPLATE = Pattern.compile(
            "(?i)\\{\\{\\s*(?:plain ?list|unbulleted list|ubl|flatlist|hlist|bulleted list|ublist)\\s*\\|");
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

    /** A parameter value as plain text, one list item per line. */
    static String clean(String raw) {
        String s = COMMENT.matcher(raw).replaceAll("");
        s = REF.matcher(s).replaceAll("");
        s = FILM_DATE.matcher(s).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = BR.matcher(s).replaceAll("\n");
        Matcher list = LIST_TEMPLATE.matcher(s);
        if (list.find()) {
            String inner = s.substring(list.end());
            inner = CompiledRx.P2.matcher(inner).replaceAll("");
            s = s.substring(0, list.start()) + inner.replace("|", "\n");
        }
        s = CompiledRx.P3.matcher(s).replaceAll("$1").replaceAll("\\{\\{[^{}]*}}", "");
        s = CompiledRx.P4.matcher(s).replaceAll("").replaceAll("(?m)^\\s*[*#:]+\\s*", "").replaceAll("<[^>]+>", "");
        return CompiledRx.P5.matcher(s).replaceAll(" ").replaceAll("\\n\\s*\\n", "\n").strip();
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\n");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("}}\\s*$");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("\\{\\{[^{}]*\\|([^{}|]*)}}");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("'{2,}");
        static final java.util.regex.Pattern P5 = java.util.regex.Pattern.compile("[ \\t]+");

        private CompiledRx() {
        }
    }
}
