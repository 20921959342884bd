package io.filmwire.cli;

import io.filmwire.ingest.PageFactory;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The sample pages bundled in the jar ({@code /samples/}, listed in {@code index.txt}; see PROVENANCE.md there). */
final class SamplePages {

    private SamplePages() {
    }

    /** The sample pages as raw pages, source {@code sample:<file>}. */
    static List<RawPage> load(Instant now) {
        List<RawPage> pages = new ArrayList<>();
        for (String name : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            byte[] bytes = resource(name).getBytes(StandardCharsets.UTF_8);
            String type = name.endsWith(".html") || name.endsWith(".htm") ? RawPage.HTML : null;
            pages.add(PageFactory.fromBytes(bytes, type, "UTF-8", null, "sample:" + name, null, now, null));
        }
        return pages;
    }

    private static String resource(String name) {
        try (InputStream in = SamplePages.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample page '" + name + "' is missing from the jar; rebuild with ./filmwire build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
