package io.filmwire.ingest;

import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Page files: {@code .html}, {@code .htm}, {@code .txt}, and any of them gzipped ({@code .gz}),
 * whether found in a folder or named explicitly; their content must be a page too (binary content
 * is refused when read, {@link PageFactory}). Folders are walked recursively, files taken in name
 * order. Stateless.
 */
public final class PageFiles {

    private PageFiles() {
    }

    /** True for the file names Filmwire reads as pages. */
    public static boolean isPageFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
            return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".txt") || !name.contains(".");
        }
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".txt");
    }

    /**
     * The page files of {@code inputs}: files as given, folders walked for page files.
     *
     * @throws NoSuchFileException naming the first input that does not exist
     * @throws NotAPageFile naming the first file given that is no page file by its name
     */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(PageFiles::isPageFile).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(input)) {
                if (!isPageFile(input)) {
                    throw new NotAPageFile("'" + input + "' is not a page file: pages are .html, .htm and .txt files, or"
                            + " those gzipped (.gz); rename it if it is a page");
                }
                out.add(input);
            } else {
                throw new NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
        return out;
    }

    /** A file named explicitly that is no page file. */
    public static final class NotAPageFile extends IllegalArgumentException {
        public NotAPageFile(String message) {
            super(message);
        }
    }

    /** The bytes of a page file, gunzipped when it ends in {@code .gz}, at most {@code limit} bytes. */
    public static byte[] readBytes(Path file, long limit) throws IOException {
        boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        if (!gz && Files.size(file) > limit) {
            throw new TooLargeException("'" + file + "' is " + Files.size(file) + " bytes, over the limit of " + limit + " bytes");
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gz ? new GZIPInputStream(raw, 65536) : raw) {
            return BoundedBytes.read(in, limit, "'" + file + "'" + (gz ? " once decompressed" : ""));
        }
    }

    /**
     * A page file as a raw page. Its type comes from its name ({@code .txt} is text unless it holds
     * an HTML document); its id is its canonical link, else its content hash.
     */
    public static RawPage read(Path file, String source, long limit, Instant now) throws IOException {
        byte[] bytes = readBytes(file, limit);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        String type = name.endsWith(".html") || name.endsWith(".htm") ? RawPage.HTML : null;
        return PageFactory.fromBytes(bytes, type, null, null, source, null, now, null);
    }
}
