package io.filmwire.enrich.bench;

import io.filmwire.enrich.page.Analyzers;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * How a fresh JVM warms up to the analysis: the pages analysed over and over on one thread for
 * {@code -Dseconds} (default 240), and every 10 s the pages done so far, the rate in the thread's CPU
 * time and the JIT compilation time of the last 10 s (all compiler threads). Shows how many pages the
 * compiler needs before it leaves the second core alone. Run with {@code bench/warm-up-curve.sh DIR...}; not a test.
 */
public final class WarmUpCurve {

    private WarmUpCurve() {
    }

    public static void main(String[] args) throws IOException {
        List<RawPage> pages = AnalysisCost.pages(args);
        long limit = Long.getLong("seconds", 240) * 1_000_000_000L;
        PageAnalyzer analyzer = Analyzers.standard();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long last = start;
        long lastJit = jit.getTotalCompilationTime();
        long lastCpu = threads.getCurrentThreadCpuTime();
        int done = 0;
        int lastDone = 0;
        while (System.nanoTime() - start < limit) {
            for (RawPage page : pages) {
                analyzer.analyze(page);
                done++;
                long now = System.nanoTime();
                if (now - last >= 10_000_000_000L) {
                    long jitMs = jit.getTotalCompilationTime();
                    long cpu = threads.getCurrentThreadCpuTime();
                    System.out.printf(Locale.ROOT, "%4.0f s: %6d pages, %5.1f pages/s (thread CPU), JIT %4.1f s of the last %.0f s%n",
                            (now - start) / 1e9, done, (done - lastDone) / ((cpu - lastCpu) / 1e9), (jitMs - lastJit) / 1e3,
                            (now - last) / 1e9);
                    last = now;
                    lastJit = jitMs;
                    lastCpu = cpu;
                    lastDone = done;
                }
            }
        }
    }
}
