package io.filmwire.enrich.bench;

import io.filmwire.enrich.page.Analyzers;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pages per second of the whole per-page analysis (parse, clean, extract) on one thread, over a
 * folder of pages (default: the shared real set). Run with {@code bench/extraction.sh}; the score
 * is operations (pages) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class ExtractionBenchmark {

    @Param("../shared/corpus/real")
    public String pages;

    private List<RawPage> loaded;
    private PageAnalyzer analyzer;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        analyzer = Analyzers.standard();
        loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(pages))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".html") && !name.endsWith(".htm") && !name.endsWith(".txt")) {
                    continue;
                }
                loaded.add(new RawPage(name, null, "bench", name.endsWith(".txt") ? RawPage.TEXT : RawPage.HTML, null,
                        Instant.EPOCH, null, Files.readString(f)));
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no pages in " + Path.of(pages).toAbsolutePath());
        }
    }

    /** One page per operation, cycling through the set. */
    @Benchmark
    public void analysePage(Blackhole hole) {
        RawPage page = loaded.get(next);
        next = (next + 1) % loaded.size();
        hole.consume(analyzer.analyze(page));
    }
}
