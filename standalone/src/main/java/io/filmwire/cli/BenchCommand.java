package io.filmwire.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.common.Settings;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import io.filmwire.enrich.extract.site.SiteProfiles;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.ingest.PageFiles;
import io.filmwire.standalone.Standalone;
import io.filmwire.standalone.StandaloneConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code filmwire bench}: the pipeline beside its own extractor, in one run on the same pages.
 *
 * <p>The pages are a mix of sample pages (by default the real, wide and seeds sets of
 * {@code ../shared/corpus}) made into as many distinct pages as asked ({@link BenchMix}), or
 * generated film pages ({@code --generated}). One JVM, after warm-up pages that are not measured
 * (analysed offline, then sent through the pipeline on the embedded broker: the JIT compiles the
 * analysis's, the broker's and the Streams apps' code), measures on the same pages: a Jsoup parse
 * alone and the offline analysis (parse, clean, extract: what {@code extract} does) on one thread;
 * the whole pipeline (intake, both Streams apps with exactly-once, reconciliation, publication) with
 * the pages sent as fast as Kafka takes them, each page timed from Kafka's acknowledgement to its
 * film's change event on films.changes; the offline analysis again (the end-to-end rate is set
 * against both offline measures, which bracket it in time); then further distinct pages sent at half
 * the rate just measured, for latency without queueing. Heap use is sampled throughout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the pipeline beside its own extractor, in one run on the same pages.",
                "Parse only and offline analysis on one thread, then end to end on the embedded broker (as fast as",
                "Kafka takes the pages, then at half that rate). Progress on stderr; with --json the last line of",
                "stdout is a JSON object of the figures."})
final class BenchCommand implements Callable<Integer> {

    /** The sample sets used when no --corpus is given, relative to the working directory. */
    static final List<Path> DEFAULT_CORPUS = List.of(Path.of("../shared/corpus/real"), Path.of("../shared/corpus/wide"),
            Path.of("../shared/corpus/seeds"));

    @Mixin
    ConfigOptions config;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Folder of page files for the mix (repeatable; default: ../shared/corpus/real, wide and seeds).")
    List<Path> corpus;

    @Option(names = "--generated", description = "Generated film pages instead of a mix of page files (see --page-kb).")
    boolean generated;

    @Option(names = "--pages", defaultValue = "1000",
            description = "Pages sent as fast as Kafka takes them, and analysed offline (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--half-load-pages", defaultValue = "300",
            description = "Further pages sent at half the measured rate, for latency (0: none; default: ${DEFAULT-VALUE}).")
    int halfLoadPages;

    @Option(names = "--warm-up-pages", defaultValue = "5000",
            description = "Further pages analysed offline, then sent through the pipeline, first and not measured, so that"
                    + " the figures are of a warm JVM as in a long-running service: HotSpot compiles a method called once"
                    + " a page with C2 after about 5,000 calls (0: measure from a cold start; default: ${DEFAULT-VALUE}).")
    int warmUpPages;

    @Option(names = "--page-kb", defaultValue = "30", description = "Size of each generated page in KB (default: ${DEFAULT-VALUE}).")
    int pageKb;

    @Option(names = "--rate", defaultValue = "0",
            description = "Pages per second for the first phase (0, the default: as fast as Kafka takes them).")
    double rate;

    @Option(names = "--json", description = "End stdout with one line: a JSON object of the figures.")
    boolean json;

    @Option(names = "--timeout", defaultValue = "600", description = "Give up a phase after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** A phase stops waiting when no page has come through for this long after the last was acknowledged. */
    private static final long QUIET_NANOS = Duration.ofSeconds(20).toNanos();

    @Override
    public Integer call() throws Exception {
        if (pages < 1 || pageKb < 1 || halfLoadPages < 0 || warmUpPages < 0 || rate < 0) {
            throw new IllegalArgumentException("--pages and --page-kb must be at least 1; --half-load-pages, --warm-up-pages"
                    + " and --rate at least 0");
        }
        PrintStream err = System.err;
        HeapSampler heap = HeapSampler.start();
        ObjectNode summary = Json.mapper().createObjectNode();

        List<RawPage> base = generated ? generate(Math.min(pages, 200), pageKb * 1024) : readMix(err);
        err.printf(Locale.ROOT, "bench: a mix of %d pages (median %d KB), warming up%n", base.size(),
                median(base.stream().mapToInt(p -> p.body().length()).toArray()) / 1024);
        List<AnalyzedPage> analyses = null;
        for (int round = 0; round < 3; round++) {
            PageAnalyzer warm = Analyzers.standard();
            analyses = base.stream().map(p -> analyzeQuietly(warm, p)).toList();
            base.forEach(BenchCommand::parse);
        }
        BenchMix mix = BenchMix.of(base, analyses);
        List<RawPage> full = new ArrayList<>(pages);
        for (int i = 0; i < pages; i++) {
            full.add(mix.page(i));
        }
        List<RawPage> half = new ArrayList<>(halfLoadPages);
        for (int i = pages; i < pages + halfLoadPages; i++) {
            half.add(mix.page(i));
        }
        // the warm-up pages are made as they are read, twice (offline, then into the pipeline), not held:
        // 5,000 pages of the mix would take over a GB of heap
        int firstWarmUp = pages + halfLoadPages;
        List<RawPage> warmUp = new java.util.AbstractList<>() {
            @Override
            public RawPage get(int index) {
                java.util.Objects.checkIndex(index, warmUpPages);
                return mix.page(firstWarmUp + index);
            }

            @Override
            public int size() {
                return warmUpPages;
            }
        };

        // the JIT compiles for as long as it meets new pages: the warm-up pages go through the offline
        // analysis first, as through the pipeline later, so that both are measured warm
        PageAnalyzer warming = Analyzers.standard();
        err.printf(Locale.ROOT, "bench: warming up the offline analysis on %d pages%n", warmUp.size());
        Set<String> warmUpWithFilms = new HashSet<>();
        for (RawPage page : warmUp) {
            parse(page);
            if (givesFilm(warming, page)) {
                warmUpWithFilms.add(page.pageId());
            }
        }
        Set<String> halfWithFilms = withFilms(warming, half);

        Path dir = Files.createTempDirectory("filmwire-bench-");
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put(StandaloneConfig.DATA_DIR, dir.toString());
        fixed.put(StandaloneConfig.BROKER_PORT, "0");
        Settings settings = config.settings(fixed);
        Map<String, Long> done = new ConcurrentHashMap<>();
        double parseRate;
        Offline before;
        Offline after;
        Phase first;
        Phase second = null;
        try (Standalone standalone = Standalone.start(settings, false)) {
            err.printf(Locale.ROOT, "bench: embedded broker on %s%n", standalone.bootstrapServers());
            AtomicBoolean stop = new AtomicBoolean();
            Thread watcher = new Thread(() -> watchChanges(standalone, done, stop), "bench-changes");
            watcher.start();
            try {
                if (warmUpPages > 0) {
                    Phase.run("warm-up", standalone, warmUp, warmUpWithFilms, 0, done, timeoutSeconds, err);
                }
                // the machine's speed drifts over minutes: the offline rate is measured just before and just after
                // the end-to-end phase (the pipeline idle meanwhile), and end to end is set against both together
                long t0 = System.nanoTime();
                for (RawPage page : full) {
                    parse(page);
                }
                parseRate = pages / ((System.nanoTime() - t0) / 1e9);
                err.printf(Locale.ROOT, "bench: parse only, one thread: %.1f pages/s%n", parseRate);
                before = Offline.measure("before end to end", full, err);
                first = Phase.run("end to end", standalone, full, before.withFilms(), rate, done, timeoutSeconds, err);
                after = Offline.measure("after end to end", full, err);
                if (halfLoadPages > 0 && first.pagesPerSecond() > 0) {
                    second = Phase.run("half load", standalone, half, halfWithFilms, first.pagesPerSecond() / 2, done,
                            timeoutSeconds, err);
                }
            } finally {
                stop.set(true);
                watcher.join();
            }
        } finally {
            DemoCommand.deleteRecursively(dir);
        }
        // both measures analyse the same pages: their rate together is all pages over all the time
        double offlineRate = 2 / (1 / before.rate() + 1 / after.rate());
        Set<String> withFilms = before.withFilms();
        double offlineJit = before.jitSeconds() + after.jitSeconds();
        heap.stop();

        summary.put("pages", pages);
        summary.put("mixPages", base.size());
        summary.put("pageBytesMedian", median(full.stream().mapToInt(p -> p.body().length()).toArray()));
        summary.put("parseOnlyPagesPerSec", round(parseRate));
        summary.put("offlinePagesPerSec", round(offlineRate));
        summary.put("offlineBeforePagesPerSec", round(before.rate()));
        summary.put("offlineAfterPagesPerSec", round(after.rate()));
        summary.put("endToEndPagesPerSec", round(first.pagesPerSecond()));
        summary.put("endToEndOverOffline", Math.round(first.pagesPerSecond() / offlineRate * 1000) / 1000.0);
        summary.put("latencyMsP50", round(first.percentile(50)));
        summary.put("latencyMsP95", round(first.percentile(95)));
        summary.put("latencyMsP99", round(first.percentile(99)));
        summary.put("halfLoadPagesPerSec", second == null ? 0 : round(second.rate()));
        summary.put("halfLoadLatencyMsP50", second == null ? 0 : round(second.percentile(50)));
        summary.put("halfLoadLatencyMsP99", second == null ? 0 : round(second.percentile(99)));
        summary.put("peakHeapMb", Math.round(heap.peakBytes() / (1024.0 * 1024)));
        summary.put("maxHeapMb", Math.round(Runtime.getRuntime().maxMemory() / (1024.0 * 1024)));
        summary.put("expected", withFilms.size() + halfWithFilms.size());
        summary.put("completed", first.completed() + (second == null ? 0 : second.completed()));
        summary.put("warmUpPages", warmUpPages);
        // how warm the measured phases were: seconds the JIT compilers worked meanwhile, and the CPU of end to end
        summary.put("offlineJitSeconds", round(offlineJit));
        summary.put("endToEndJitSeconds", round(first.jitSeconds()));
        summary.put("endToEndCpuSeconds", round(first.cpuSeconds()));
        summary.put("enrichThreads", io.filmwire.enrich.streams.EnrichConfig.from(settings, dir).threads());
        summary.put("cores", Runtime.getRuntime().availableProcessors());
        err.printf(Locale.ROOT, "bench: parse only %.1f, offline %.1f, end to end %.1f pages/s (%.2f of offline);"
                        + " latency p50 %.0f ms, p99 %.0f ms; at half load (%.1f pages/s) p99 %.0f ms; peak heap %d MB%n",
                parseRate, offlineRate, first.pagesPerSecond(), first.pagesPerSecond() / offlineRate, first.percentile(50),
                first.percentile(99), second == null ? 0 : second.rate(), second == null ? 0 : second.percentile(99),
                summary.get("peakHeapMb").asLong());
        if (json) {
            System.out.println(summary);
        } else {
            System.out.println(summary.toPrettyString());
        }
        // a copy whose film merges into another without a change, or that dedup judges a near copy,
        // gives no change event: a few are expected; most missing means the pipeline did not keep up
        int expected = first.expected() + (second == null ? 0 : second.expected());
        int completed = first.completed() + (second == null ? 0 : second.completed());
        if (completed < expected) {
            err.printf(Locale.ROOT, "bench: %d of %d pages that give a film offline gave a change event (copies merged"
                    + " into another film or judged near copies give none)%n", completed, expected);
        }
        return completed >= expected * 0.7 ? 0 : 1;
    }

    /** The pages of the mix's folders, in file order; the default sets when none is given. */
    private List<RawPage> readMix(PrintStream err) throws java.io.IOException {
        List<Path> dirs = corpus;
        if (dirs == null || dirs.isEmpty()) {
            dirs = DEFAULT_CORPUS.stream().filter(Files::isDirectory).toList();
            if (dirs.isEmpty()) {
                throw new IllegalArgumentException("no page mix: ../shared/corpus/{real,wide,seeds} are not here;"
                        + " pass --corpus DIR (a folder of .html/.txt pages) or --generated");
            }
        }
        List<RawPage> read = new ArrayList<>();
        Instant now = Instant.now();
        for (Path file : OfflinePages.files(dirs)) {
            try {
                read.add(PageFiles.read(file, "bench", OfflinePages.LIMIT, now));
            } catch (java.io.IOException | IllegalArgumentException e) {
                err.println("bench: skipped '" + file + "': " + e.getMessage());
            }
        }
        if (read.isEmpty()) {
            throw new IllegalArgumentException("no readable page in " + dirs);
        }
        return read;
    }

    /** The ids of those of {@code pages} that give a film. */
    private static Set<String> withFilms(PageAnalyzer analyzer, List<RawPage> pages) {
        Set<String> ids = new HashSet<>();
        for (RawPage page : pages) {
            if (givesFilm(analyzer, page)) {
                ids.add(page.pageId());
            }
        }
        return ids;
    }

    private static boolean givesFilm(PageAnalyzer analyzer, RawPage page) {
        AnalyzedPage analyzed = analyzeQuietly(analyzer, page);
        return analyzed != null && !analyzed.mentions().isEmpty();
    }

    /** A Jsoup parse of the page alone, as the analysis makes it. */
    private static void parse(RawPage page) {
        Jsoup.parse(page.body(), page.url() == null ? "" : page.url());
    }

    private static AnalyzedPage analyzeQuietly(PageAnalyzer analyzer, RawPage page) {
        try {
            return analyzer.analyze(page);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The offline analysis of the measured pages on this thread: its rate, the JIT's work meanwhile, the pages with films. */
    private record Offline(double rate, double jitSeconds, Set<String> withFilms) {

        static Offline measure(String when, List<RawPage> pages, PrintStream err) {
            // a fresh analyzer each time, so that both measures do the same work (site profiles start empty)
            PageAnalyzer analyzer = new PageAnalyzer(new io.filmwire.enrich.clean.ArticleCleaner(),
                    new io.filmwire.enrich.extract.PageExtractor(), SiteProfiles.inMemory(10_000));
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long jit0 = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            Set<String> withFilms = BenchCommand.withFilms(analyzer, pages);
            double rate = pages.size() / ((System.nanoTime() - t0) / 1e9);
            double jitSeconds = (jit.getTotalCompilationTime() - jit0) / 1e3;
            err.printf(Locale.ROOT, "bench: offline analysis (parse, clean, extract), one thread, %s: %.1f pages/s;"
                    + " %d of %d pages give a film; JIT compilation meanwhile %.1f s%n", when, rate, withFilms.size(),
                    pages.size(), jitSeconds);
            return new Offline(rate, jitSeconds, withFilms);
        }
    }

    /** One phase on the pipeline: its pages sent at a rate (0: as fast as Kafka takes them), and what came out. */
    private record Phase(int sent, int expected, int completed, double seconds, double rate, double[] latencies,
                         double cpuSeconds, double jitSeconds) {

        double pagesPerSecond() {
            return seconds <= 0 ? 0 : sent / seconds;
        }

        double percentile(int p) {
            return BenchCommand.percentile(latencies, p);
        }

        static Phase run(String name, Standalone standalone, List<RawPage> pages, Set<String> expected, double rate,
                         Map<String, Long> done, int timeoutSeconds, PrintStream err) throws Exception {
            Map<String, Long> acked = new ConcurrentHashMap<>();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long cpu0 = os.getProcessCpuTime();
            long jit0 = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                RawPage page = pages.get(i);
                if (rate > 0) {
                    long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                sends.add(standalone.services().intake().submit(page)
                        .thenRun(() -> acked.put(page.pageId(), System.nanoTime())));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
            long sent = System.nanoTime();
            double sendRate = pages.size() / ((sent - start) / 1e9);
            err.printf(Locale.ROOT, "bench: %s: %d pages acknowledged in %.1f s (%.1f pages/s into pages.raw)%n", name,
                    pages.size(), (sent - start) / 1e9, sendRate);
            long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
            int seen = -1;
            long lastProgress = System.nanoTime();
            while (System.nanoTime() < deadline) {
                int now = (int) expected.stream().filter(done::containsKey).count();
                if (now == expected.size()) {
                    break;
                }
                if (now != seen) {
                    seen = now;
                    lastProgress = System.nanoTime();
                    err.printf(Locale.ROOT, "bench: %s: %d/%d pages through the pipeline%n", name, now, expected.size());
                } else if (System.nanoTime() - lastProgress > QUIET_NANOS) {
                    err.printf(Locale.ROOT, "bench: %s: nothing more for %d s; %d of %d pages came through%n", name,
                            QUIET_NANOS / 1_000_000_000L, now, expected.size());
                    break;
                }
                Thread.sleep(200);
            }
            List<String> through = expected.stream().filter(done::containsKey).toList();
            long end = through.stream().mapToLong(done::get).max().orElse(System.nanoTime());
            double[] latencies = through.stream().filter(acked::containsKey)
                    .mapToDouble(id -> (done.get(id) - acked.get(id)) / 1e6).sorted().toArray();
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double jitSeconds = (jit.getTotalCompilationTime() - jit0) / 1e3;
            Phase phase = new Phase(pages.size(), expected.size(), through.size(), (end - start) / 1e9,
                    rate > 0 ? rate : sendRate, latencies, cpu, jitSeconds);
            err.printf(Locale.ROOT, "bench: %s: %d pages in %.1f s: %.1f pages/s; latency p50 %.0f ms, p95 %.0f ms,"
                            + " p99 %.0f ms; %.1f s of CPU (%.0f ms a page), of it JIT compilation %.1f s%n", name, pages.size(),
                    phase.seconds(), phase.pagesPerSecond(), phase.percentile(50), phase.percentile(95), phase.percentile(99),
                    cpu, cpu * 1000 / pages.size(), jitSeconds);
            return phase;
        }
    }

    /** The largest heap use seen, sampled every 20 ms by a daemon thread. */
    private static final class HeapSampler implements Runnable {
        private final java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            Thread t = new Thread(sampler, "bench-heap");
            t.setDaemon(true);
            t.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        long peakBytes() {
            return peak;
        }
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Notes, for each page, when the first change event it caused was committed on films.changes. */
    private static void watchChanges(Standalone standalone, Map<String, Long> done, AtomicBoolean stop) {
        Map<String, Object> props = standalone.kafka().clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FILMS_CHANGES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    ChangeEvent change = Topics.FILMS_CHANGES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                    if (change != null && change.causedBy() != null && change.causedBy().pageId() != null) {
                        done.putIfAbsent(change.causedBy().pageId(), System.nanoTime());
                    }
                }
            }
        }
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static final String[] NAMES = {"Anne Moreau", "Tom Hardwick", "Ida Sorensen", "Lars Berg", "Mia Holt",
            "Omar Haddad", "Lina Benali", "Jonas Berg", "Mia Cohen", "Paul Mercer", "Ana Ruiz", "Idris Malik"};
    private static final String LETTERS = "abcdefghiklmnoprstuvy";

    /** A made-up word: pages built from them share no text, so none is a near-duplicate of another. */
    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        int length = 3 + random.nextInt(7);
        for (int i = 0; i < length; i++) {
            w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return w.toString();
    }

    /** Distinct film pages: each its own title, year, director and cast, with article text to the size asked. */
    static List<RawPage> generate(int count, int bytes) {
        Random random = new Random(7);
        List<RawPage> out = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String title = "Bench Film " + Integer.toString(i, 36).toUpperCase(Locale.ROOT) + " " + word(random);
            int year = 1950 + random.nextInt(75);
            String director = NAMES[random.nextInt(NAMES.length)];
            StringBuilder body = new StringBuilder("<!doctype html><html><head><title>").append(title).append(" (")
                    .append(year).append(") - Bench Films</title><script type=\"application/ld+json\">")
                    .append("{\"@type\":\"Movie\",\"name\":\"").append(title).append("\",\"datePublished\":\"").append(year)
                    .append("\",\"duration\":\"PT").append(70 + random.nextInt(90)).append("M\",\"director\":{\"@type\":\"Person\",")
                    .append("\"name\":\"").append(director).append("\"}}</script></head><body><nav><a href=\"/\">Home</a></nav>")
                    .append("<article><h1>").append(title).append("</h1><table class=\"infobox\"><tr><th>Directed by</th><td>")
                    .append(director).append("</td></tr><tr><th>Starring</th><td>")
                    .append(String.join(", ", Arrays.copyOfRange(NAMES, i % 6, i % 6 + 3))).append("</td></tr></table>");
            while (body.length() < bytes) {
                body.append("<p>");
                for (int w = 0; w < 60; w++) {
                    body.append(word(random)).append(w % 12 == 11 ? ". " : " ");
                }
                body.append("</p>");
            }
            body.append("</article><footer>Bench Films</footer></body></html>");
            String url = "https://bench.example/films/" + i;
            out.add(new RawPage(url, url, "bench", RawPage.HTML, now, now, null, body.toString()));
        }
        return out;
    }
}
