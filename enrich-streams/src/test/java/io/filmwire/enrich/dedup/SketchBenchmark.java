package io.filmwire.enrich.dedup;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to sketch one article, both schemes side by side on the same text: {@code onePermutation}
 * ({@link TextSketch#of}, one hash per shingle, what dedup uses) and {@code kHashes} (the
 * {@value TextSketch#HASHES}-hash MinHash it replaced), plus the page fingerprint of an HTML page
 * holding that text. The texts are seeded pseudo-random words of {@code chars} characters (30 KB is
 * the generated page of issue 14). Run with {@code bench/sketch.sh}; the score is microseconds per
 * sketch. In this package because the old scheme is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SketchBenchmark {

    @Param({"3000", "30000", "600000"})
    public int chars;

    private String text;
    private String html;

    @Setup
    public void make() {
        Random random = new Random(chars);
        StringBuilder out = new StringBuilder(chars + 16);
        while (out.length() < chars) {
            for (int c = 2 + random.nextInt(8); c > 0; c--) {
                out.append((char) ('a' + random.nextInt(26)));
            }
            out.append(random.nextInt(12) == 0 ? ". " : " ");
        }
        text = out.toString();
        html = "<html><head><title>Bench</title></head><body><nav><a href=\"/\">Home</a></nav><article><p>"
                + text.replace(". ", ".</p><p>") + "</p></article><footer>Footer</footer></body></html>";
    }

    @Benchmark
    public TextSketch onePermutation() {
        return TextSketch.of(text);
    }

    @Benchmark
    public TextSketch kHashes() {
        return TextSketch.ofKHashes(text);
    }

    @Benchmark
    public String pageContent() {
        return PageFingerprint.content(html);
    }
}
