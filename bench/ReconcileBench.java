import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicAdmin;
import io.filmwire.enrich.dedup.Deduplicator;
import io.filmwire.enrich.dedup.MemoryDedupIndex;
import io.filmwire.enrich.dedup.PageSignature;
import io.filmwire.enrich.dedup.Verdict;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.enrich.reconcile.ReconcileState;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.enrich.streams.EnrichConfig;
import io.filmwire.enrich.streams.EnrichStreamsApp;
import io.filmwire.enrich.streams.EnrichTopology;
import io.filmwire.enrich.streams.PageDigest;
import io.filmwire.schema.FilmRecord.Credit;
import io.filmwire.schema.FilmRecord.Rating;
import io.filmwire.schema.Json;
import io.filmwire.standalone.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Throughput of the one-partition step of enrich-streams (deduplication + reconciliation), the part
 * that does not scale out. Pages are synthetic digests: an article of about 2,500 characters and
 * one to three works each, drawn from a pool of films so that each film gets about three pages
 * (titles repeat across years, so matching has work to do), ten credits per work; one page in ten is
 * a near copy of an earlier one.
 *
 *   memory N   the deduplicator and reconciler on in-memory state, one thread: the CPU cost alone
 *   kafka N    the production topology on an embedded broker, digests written straight to the
 *              page-digests repartition topic; timed until the app has committed all N (exactly-once,
 *              RocksDB stores, changelogs): what the single task really sustains
 *
 * Run by bench/reconcile.sh; prints one line of results.
 */
public final class ReconcileBench {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "memory";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<PageDigest> pages = digests(n, 42);
        switch (mode) {
            case "memory" -> memory(pages);
            case "kafka" -> kafka(pages);
            default -> throw new IllegalArgumentException("mode is memory or kafka, was " + mode);
        }
    }

    static List<PageDigest> digests(int n, long seed) {
        Random random = new Random(seed);
        String[] titles = new String[Math.max(1, n / 4)];
        for (int i = 0; i < titles.length; i++) {
            titles[i] = words(random, 1 + random.nextInt(3));
        }
        List<PageDigest> out = new ArrayList<>(n);
        List<String> articles = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            String pageId = "https://site" + random.nextInt(50) + ".example/page/" + p;
            String article;
            if (p > 10 && random.nextInt(10) == 0) {
                article = articles.get(random.nextInt(articles.size())) + " Sponsored: " + words(random, 12);
            } else {
                article = words(random, 400);
                articles.add(article);
            }
            List<FilmMention> mentions = new ArrayList<>();
            for (int w = 0, works = 1 + random.nextInt(3); w < works; w++) {
                int film = random.nextInt(titles.length);
                Random facts = new Random(film);
                mentions.add(new FilmMention(pageId, pageId, "site.example", T0, w,
                        Fact.of(titles[film % titles.length], Layer.STRUCTURED, titles[film % titles.length], 0.9),
                        List.of(), Fact.of(1950 + facts.nextInt(70), Layer.STRUCTURED, "released", 0.9),
                        Fact.of(80 + facts.nextInt(60) + random.nextInt(3), Layer.SEMI_STRUCTURED, "runtime", 0.8),
                        Fact.of(new Rating(5 + facts.nextInt(50) / 10.0, 10, (long) facts.nextInt(100_000), "site"),
                                Layer.SEMI_STRUCTURED, "rating", 0.8),
                        List.of(Fact.of("English", Layer.SEMI_STRUCTURED, "Language: English", 0.8)),
                        List.of(Fact.of("Drama", Layer.SEMI_STRUCTURED, "Genre: Drama", 0.8)),
                        credits(facts)));
            }
            out.add(new PageDigest(PageSignature.of(pageId, pageId, T0.plusMillis(p), article, mentions), mentions));
        }
        return out;
    }

    private static List<Fact<Credit>> credits(Random facts) {
        List<Fact<Credit>> credits = new ArrayList<>();
        credits.add(Fact.of(new Credit("director", words(facts, 2)), Layer.SEMI_STRUCTURED, "Directed by", 0.85));
        for (int c = 0; c < 9; c++) {
            credits.add(Fact.of(new Credit("cast", words(facts, 2)), Layer.SEMI_STRUCTURED, "Cast", 0.8));
        }
        return credits;
    }

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(Character.toUpperCase((char) ('a' + random.nextInt(26))));
            for (int c = 2 + random.nextInt(6); c > 0; c--) {
                s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    private static void memory(List<PageDigest> pages) {
        // warm-up on other pages, then a timed pass on fresh state
        run(digests(5_000, 7));
        long t0 = System.nanoTime();
        int[] counts = run(pages);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "memory: %d pages in %.2f s: %.0f pages/s, %.3f ms/page; %d duplicates, %d films, %d merges%n",
                pages.size(), seconds, pages.size() / seconds, seconds * 1000 / pages.size(), counts[0], counts[1], counts[2]);
    }

    private static int[] run(List<PageDigest> pages) {
        Deduplicator dedup = new Deduplicator();
        Reconciler reconciler = new Reconciler();
        MemoryDedupIndex index = new MemoryDedupIndex();
        ReconcileState state = ReconcileState.inMemory();
        java.util.Set<String> films = new java.util.HashSet<>();
        int duplicates = 0;
        int merges = 0;
        for (PageDigest page : pages) {
            Verdict verdict = dedup.judge(page.signature(), index);
            if (verdict.kept()) {
                Reconciler.Result result = reconciler.applyPage(page.pageId(), page.signature().url(), page.mentions(),
                        page.signature().seenAt(), state);
                merges += result.merges();
                result.emissions().forEach(e -> {
                    if (e.record() == null) {
                        films.remove(e.filmId());
                    } else {
                        films.add(e.filmId());
                    }
                });
            } else {
                duplicates++;
            }
        }
        return new int[] {duplicates, films.size(), merges};
    }

    private static void kafka(List<PageDigest> pages) throws Exception {
        Path dir = Files.createTempDirectory("filmwire-reconcile-bench");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start()) {
            Settings settings = Settings.of(Map.of(KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    EnrichConfig.APPLICATION_ID, "reconcile-bench"));
            EnrichConfig config = EnrichConfig.from(settings, dir.resolve("streams"));
            TopicAdmin.ensureTopics(config.kafka(), Duration.ofSeconds(30));
            String topic = config.applicationId() + "-" + EnrichTopology.DIGESTS_REPARTITION + "-repartition";
            byte[][] values = new byte[pages.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = Json.write(pages.get(i)).getBytes(StandardCharsets.UTF_8);
            }
            long bytes = Stream.of(values).mapToLong(v -> v.length).sum();
            try (KafkaStreams streams = new KafkaStreams(EnrichTopology.build(config), EnrichStreamsApp.streamsProperties(config));
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.kafka().clientProperties(Map.of(
                         "acks", "all", "linger.ms", 10, "batch.size", 256 * 1024, "compression.type", "lz4")),
                         new StringSerializer(), new ByteArraySerializer());
                 Admin admin = Admin.create(config.kafka().clientProperties(Map.of()))) {
                streams.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (streams.state() != KafkaStreams.State.RUNNING) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Streams not running after 60 s: " + streams.state());
                    }
                    Thread.sleep(100);
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < values.length; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, pages.get(i).pageId(), values[i]));
                }
                producer.flush();
                TopicPartition tp = new TopicPartition(topic, 0);
                long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
                while (true) {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(config.applicationId())
                            .partitionsToOffsetAndMetadata().get().get(tp);
                    if (committed != null && committed.offset() >= end) {
                        break;
                    }
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long stateBytes;
                try (Stream<Path> files = Files.walk(dir.resolve("streams"))) {
                    stateBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                }
                System.out.printf(Locale.ROOT, "kafka: %d digests (%.1f MB) through dedup + reconcile in %.2f s: %.0f pages/s, "
                                + "%.2f ms/page; state on disk %.1f MB%n", values.length, bytes / 1e6, seconds,
                        values.length / seconds, seconds * 1000 / values.length, stateBytes / 1e6);
                streams.close(Duration.ofSeconds(30));
            }
        }
    }
}
