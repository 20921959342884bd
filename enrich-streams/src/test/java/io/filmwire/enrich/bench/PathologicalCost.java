package io.filmwire.enrich.bench;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.enrich.page.PathologicalPages;
import io.filmwire.schema.RawPage;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of analysing each pathological page shape ({@link PathologicalPages}: the four shapes
 * bounded by {@code PageBounds} and a 10 MB page), one thread, CPU time and bytes allocated by the
 * thread, the median of the measured rounds after warm-up; and whether the page's film was found.
 * Run with {@code bench/pathological.sh} ({@code -Dshapes=link-list,long-page} for some); not a test.
 */
public final class PathologicalCost {

    private PathologicalCost() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("rounds", 5);
        int warmup = Integer.getInteger("warmup", 3);
        List<PathologicalPages.Shape> shapes = new ArrayList<>(PathologicalPages.bounded().values());
        shapes.add(PathologicalPages.longPage(Integer.getInteger("long.bytes", 10_000_000)));
        String only = System.getProperty("shapes", "");
        if (!only.isBlank()) {
            List<String> names = List.of(only.split(","));
            shapes.removeIf(s -> !names.contains(s.name()));
        }
        PageAnalyzer analyzer = Analyzers.standard();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        System.out.printf("%-16s %10s %12s %14s %s%n", "shape", "chars", "cpu s", "alloc x size", "film found");
        for (PathologicalPages.Shape shape : shapes) {
            RawPage page = new RawPage(shape.name(), "https://pages.example/" + shape.name(), "bench", RawPage.HTML, null,
                    Instant.EPOCH, null, shape.html());
            for (int r = 0; r < warmup; r++) {
                analyzer.analyze(page);
            }
            double[] cpu = new double[rounds];
            double[] alloc = new double[rounds];
            boolean found = false;
            for (int r = 0; r < rounds; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long a0 = mx.getThreadAllocatedBytes(thread);
                AnalyzedPage analyzed = analyzer.analyze(page);
                cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                alloc[r] = (double) (mx.getThreadAllocatedBytes(thread) - a0) / shape.html().length();
                for (FilmMention m : analyzed.mentions()) {
                    found |= m.title() != null && m.title().value().equals(shape.title());
                }
            }
            System.out.printf("%-16s %10d %12.3f %14.1f %s%n", shape.name(), shape.html().length(), median(cpu),
                    median(alloc), found ? "yes" : "no");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
