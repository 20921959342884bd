import de.l3s.boilerpipe.extractors.ArticleExtractor;
import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Per-page cleaning time of one tool over a folder of pages (.html, .html.gz), one thread:
 * {@code java CleanBench filmwire|boilerpipe DIR OUT.jsonl [ROUNDS]}. Pages are read and decoded
 * first; the timed part is what a caller pays per page: parsing the HTML and extracting the text.
 * Two untimed rounds warm the JIT, then ROUNDS (3) timed rounds; the figure per page is its median.
 * Prints one summary line (JSON) on stdout; writes the texts as JSON lines to OUT for scoring.
 * Part of bench/run.sh, not of the Filmwire build.
 */
public final class CleanBench {

    interface Tool {
        String text(String id, String html) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CleanBench filmwire|boilerpipe DIR OUT.jsonl [ROUNDS]");
            System.exit(2);
        }
        String name = args[0];
        Path dir = Path.of(args[1]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Tool tool = switch (name) {
            case "filmwire" -> {
                ArticleCleaner cleaner = new ArticleCleaner();
                yield (id, html) -> cleaner.cleanPage(new RawPage(id, null, "bench", RawPage.HTML, null, Instant.EPOCH, null, html)).text();
            }
            case "boilerpipe" -> (id, html) -> ArticleExtractor.INSTANCE.getText(html);
            default -> throw new IllegalArgumentException("unknown tool " + name);
        };
        Map<String, String> pages = read(dir);
        Map<String, String> texts = new LinkedHashMap<>();
        int failed = 0;
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                try {
                    texts.put(page.getKey(), tool.text(page.getKey(), page.getValue()));
                } catch (Exception | StackOverflowError e) {
                    if (round == 0) {
                        failed++;
                        System.err.println(name + ": " + page.getKey() + " failed: " + e);
                    }
                    texts.put(page.getKey(), "");
                }
            }
        }
        long[][] nanos = new long[pages.size()][rounds];
        long totalStart = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            int i = 0;
            for (Map.Entry<String, String> page : pages.entrySet()) {
                long start = System.nanoTime();
                try {
                    tool.text(page.getKey(), page.getValue());
                } catch (Exception | StackOverflowError e) {
                    // counted in the warm-up round
                }
                nanos[i++][round] = System.nanoTime() - start;
            }
        }
        double totalSeconds = (System.nanoTime() - totalStart) / 1e9;
        double[] perPage = new double[pages.size()];
        for (int i = 0; i < perPage.length; i++) {
            long[] times = nanos[i].clone();
            Arrays.sort(times);
            perPage[i] = times[times.length / 2] / 1e6;
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, String> e : texts.entrySet()) {
                out.println(Json.write(Map.of("pageId", e.getKey(), "text", e.getValue() == null ? "" : e.getValue())));
            }
        }
        System.out.println(summary(name, perPage, pages.size() * (double) rounds / totalSeconds, failed));
    }

    static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.list(dir)) {
            walk.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".html.gz")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file)) {
                pages.put(file.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return pages;
    }

    static String summary(String tool, double[] perPage, double pagesPerSecond, int failed) {
        double[] sorted = perPage.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(Locale.ROOT, "{\"tool\":\"%s\",\"pages\":%d,\"failed\":%d,\"meanMs\":%.2f,\"medianMs\":%.2f,"
                        + "\"p95Ms\":%.2f,\"maxMs\":%.2f,\"pagesPerSecond\":%.1f}", tool, sorted.length, failed,
                mean, sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)],
                sorted[sorted.length - 1], pagesPerSecond);
    }

}
