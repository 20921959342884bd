package io.filmwire.enrich.dedup;

import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The page sets of the shared corpus ({@code ../shared/corpus} beside the repository, or the folder
 * named by the system property {@code filmwire.corpus}): real pages of film sites, as fetched. A test
 * that needs them is skipped, saying why, where they are not.
 */
final class SharedCorpus {

    private SharedCorpus() {
    }

    /** Whether the corpus is on this machine. */
    static boolean present() {
        return find() != null;
    }

    /** The folder of the corpus, found from the working directory upwards. */
    static Path root() {
        Path found = find();
        if (found == null) {
            Assumptions.abort("the shared corpus (shared/corpus/real above the working directory, or -Dfilmwire.corpus) "
                    + "is not on this machine");
        }
        return found;
    }

    private static Path find() {
        String given = System.getProperty("filmwire.corpus");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate.resolve("real"))) {
                return candidate;
            }
        }
        return null;
    }

    /** A page of a set: its file name, body and content type. */
    record Page(String name, String body, String contentType) {

        /** The page as a raw page with id and URL {@code id}, received at {@code at}. */
        RawPage raw(String id, String url, Instant at) {
            return new RawPage(id, url, "test", contentType, at, at, null, body);
        }
    }

    /** The pages (.html, .htm, .txt, .html.gz) of set {@code name} ("real", "wide", "aeb/html"), by file name. */
    static List<Page> pages(String name) {
        Path dir = root().resolve(name);
        List<Page> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith(".html.gz")) {
                    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
                        out.add(new Page(file.substring(0, file.length() - 3),
                                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), RawPage.HTML));
                    }
                } else if (file.endsWith(".html") || file.endsWith(".htm")) {
                    out.add(new Page(file, new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8), RawPage.HTML));
                } else if (file.endsWith(".txt")) {
                    out.add(new Page(file, new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8), RawPage.TEXT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Assumptions.assumeFalse(out.isEmpty(), "no pages in " + dir);
        return out;
    }
}
