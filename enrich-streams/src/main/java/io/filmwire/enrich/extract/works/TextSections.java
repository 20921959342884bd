package io.filmwire.enrich.extract.works;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a plain-text page into sections: blocks are runs of non-blank lines; a block of one short
 * line without a closing full stop is a heading. Stateless.
 */
public final class TextSections {

    private TextSections() {
    }

    /** The sections of {@code text}, the first one without a heading when the page starts with text. */
    public static List<Section> of(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : CompiledRx.P1.split(text, -1)) {
            if (line.isBlank()) {
                if (cur.length() > 0) {
                    blocks.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                if (cur.length() > 0) {
                    cur.append('\n');
                }
                cur.append(line.strip());
            }
        }
        if (cur.length() > 0) {
            blocks.add(cur.toString());
        }
        List<Section> sections = new ArrayList<>();
        String heading = null;
        List<String> body = new ArrayList<>();
        for (String block : blocks) {
            boolean single = !block.contains("\n");
            if (single && Headings.isHeading(block)) {
                if (heading != null || !body.isEmpty()) {
                    sections.add(new Section(heading, body));
                }
                heading = block;
                body = new ArrayList<>();
            } else {
                body.add(block);
            }
        }
        if (heading != null || !body.isEmpty()) {
            sections.add(new Section(heading, body));
        }
        return sections;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\R");

        private CompiledRx() {
        }
    }
}
