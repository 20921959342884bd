package io.filmwire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.TopicReader;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The crash test: the broker, ingest-service, enrich-streams and publish-service each in a JVM of
 * its own, a steady load of distinct film pages posted to ingest-service over HTTP (each page sent
 * again until it is answered 202: a 503 or 504 is retried, as the answers ask), and faults during
 * the load: kill -9 of each part (restarted at once, on its data, as a restart policy would) and a
 * frozen broker (SIGSTOP, then SIGCONT). Then it counts what a consumer of the topics would see go
 * wrong: pages accepted but never published, a page in two films, a film record or change event
 * written twice, versions skipped; and for each fault the longest stall of the output (no change
 * event while pages were waiting). Not thread-safe; one run per instance.
 */
final class CrashRun {

    /** A fault to inject. */
    enum Kind {
        ENRICH("kill -9 enrich-streams", true), PUBLISH("kill -9 publish-service", true),
        FREEZE("broker frozen (SIGSTOP)", false), INGEST("kill -9 ingest-service", false), BROKER("kill -9 broker", false);

        final String label;
        /** A Kafka Streams instance: the ones the recovery bound is about. */
        final boolean streams;

        Kind(String label, boolean streams) {
            this.label = label;
            this.streams = streams;
        }
    }

    /**
     * What to run.
     *
     * @param pages           distinct pages to send
     * @param pageBytes       approximate size of each
     * @param rate            pages per second
     * @param faults          faults to inject (the kinds in turn)
     * @param kinds           the kinds, in the order they are taken
     * @param freeze          how long the broker stays frozen
     * @param basePort        the broker's port; the services take the next three (0: free ports)
     * @param dataDir         the parts' data and logs
     * @param serviceSettings settings passed to the three services ({@code --set})
     * @param drainTimeout    how long to wait for the pipeline to catch up after the load
     */
    record Options(int pages, int pageBytes, double rate, int faults, List<Kind> kinds, Duration freeze, int basePort,
                   Path dataDir, Map<String, String> serviceSettings, Duration drainTimeout) {
    }

    /** A fault as it happened: its kind and when (nanoTime). */
    record Fault(int number, Kind kind, long at, long end, AtomicLong ready) {
    }

    private final Options options;
    private final PrintStream err;
    private final long origin = System.nanoTime();
    private final Map<String, ChildProcess> parts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final long[] firstTry;
    private final long[] accepted;
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Set<Integer> answered504 = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionErrors = new AtomicLong();
    private final List<long[]> acceptTimes = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faultsDone = Collections.synchronizedList(new ArrayList<>());
    /** page id -> first time a change event it caused was seen. */
    private final Map<String, Long> output = new ConcurrentHashMap<>();
    private final List<ChangeEvent> changes = Collections.synchronizedList(new ArrayList<>());
    private final List<FilmRecord> records = Collections.synchronizedList(new ArrayList<>());
    private List<RawPage> corpus;
    private int brokerPort;
    private int ingestPort;
    private final Map<String, Integer> ports = new HashMap<>();
    /** Faults injected so far (all of them once the fault thread is done, whatever happened). */
    private final AtomicInteger faultsInjected = new AtomicInteger();
    /** Pages whose sending began. */
    private final AtomicInteger pagesStarted = new AtomicInteger();
    private long nextSlot;

    CrashRun(Options options, PrintStream err) {
        this.options = options;
        this.err = err;
        this.firstTry = new long[options.pages()];
        this.accepted = new long[options.pages()];
    }

    /** Runs it: starts the parts, sends the load, injects the faults, waits for the pipeline, stops the parts. */
    CrashReport run() throws Exception {
        corpus = BenchCommand.generate(options.pages(), options.pageBytes());
        brokerPort = options.basePort() == 0 ? freePort() : options.basePort();
        ingestPort = options.basePort() == 0 ? freePort() : options.basePort() + 1;
        int enrichPort = options.basePort() == 0 ? freePort() : options.basePort() + 2;
        int publishPort = options.basePort() == 0 ? freePort() : options.basePort() + 3;
        ports.put("broker", brokerPort);
        ports.put("ingest-service", ingestPort);
        ports.put("enrich-streams", enrichPort);
        ports.put("publish-service", publishPort);
        Path logs = options.dataDir().resolve("logs");
        parts.put("broker", new ChildProcess("broker", List.of("-Xmx768m"), List.of("broker", "--port", "" + brokerPort,
                "--data-dir", options.dataDir().resolve("broker").toString()), logs));
        parts.put("publish-service", service("publish-service", publishPort, "-Xmx768m", logs));
        parts.put("enrich-streams", service("enrich-streams", enrichPort, "-Xmx1g", logs));
        parts.put("ingest-service", service("ingest-service", ingestPort, "-Xmx512m", logs));
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = null;
        try {
            parts.get("broker").start();
            awaitPort(brokerPort, Duration.ofSeconds(120), "the broker");
            for (String name : List.of("publish-service", "enrich-streams", "ingest-service")) {
                parts.get(name).start();
            }
            awaitReady(publishPort, "publish-service");
            awaitReady(enrichPort, "enrich-streams");
            awaitReady(ingestPort, "ingest-service");
            log("all parts ready (broker on 127.0.0.1:%d, ingest-service on :%d; logs in %s)", brokerPort, ingestPort, logs);
            watcher = new Thread(() -> watch(watching), "crash-watcher");
            watcher.setDaemon(true);
            watcher.start();

            long loadStart = System.nanoTime();
            List<Thread> senders = startSenders();
            try {
                injectFaults(loadStart);
            } finally {
                faultsInjected.set(Integer.MAX_VALUE);
            }
            for (Thread t : senders) {
                t.join();
            }
            long loadEnd = System.nanoTime();
            log("load done: %d pages accepted in %.0f s; waiting for the pipeline", acceptedCount(), seconds(loadEnd - loadStart));
            long drainDeadline = System.nanoTime() + options.drainTimeout().toNanos();
            while (waiting() > 0 && System.nanoTime() < drainDeadline) {
                Thread.sleep(500);
            }
            // a duplicate would come late: keep watching a little longer
            Thread.sleep(5_000);
            watching.set(false);
            watcher.join(10_000);
            int deadLetters = TopicReader.readToEnd(kafka(), Topics.PAGES_DLQ.name()).size();
            return report(loadStart, loadEnd, deadLetters);
        } finally {
            watching.set(false);
            List<ChildProcess> reverse = new ArrayList<>(parts.values());
            Collections.reverse(reverse);
            reverse.forEach(ChildProcess::close);
        }
    }

    private ChildProcess service(String name, int port, String heap, Path logs) {
        List<String> args = new ArrayList<>(List.of(name, "--bootstrap-servers", "127.0.0.1:" + brokerPort,
                "--http-port", "" + port, "--health-port", "-1", "--data-dir", options.dataDir().resolve(name).toString()));
        options.serviceSettings().forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        ChildProcess child = new ChildProcess(name, List.of(heap), args, logs);
        if (System.getenv("FILMWIRE_KAFKA_LOG_LEVEL") == null) {
            // the Kafka clients' warnings say what a recovery waited for
            child.env("FILMWIRE_KAFKA_LOG_LEVEL", "WARN");
        }
        return child;
    }

    private KafkaSettings kafka() {
        return new KafkaSettings("127.0.0.1:" + brokerPort, 3, (short) 1, Map.of());
    }

    private List<Thread> startSenders() {
        AtomicInteger next = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        int count = Math.max(4, (int) Math.ceil(options.rate() / 2));
        for (int s = 0; s < count; s++) {
            Thread t = new Thread(() -> {
                try {
                    sendPages(next);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "crash-sender-" + s);
            t.start();
            senders.add(t);
        }
        return senders;
    }

    /**
     * The segment of page {@code i}: the pages are cut in faults + 1 segments, and the pages of
     * segment n are sent after fault n, so that every fault has load before and after it.
     */
    private int segment(int i) {
        return (int) ((long) i * (options.faults() + 1) / options.pages());
    }

    /** Sends the next page at the rate, once the faults before its segment are in, until none is left. */
    private void sendPages(AtomicInteger next) throws InterruptedException {
        for (int i = next.getAndIncrement(); i < options.pages(); i = next.getAndIncrement()) {
            while (faultsInjected.get() < segment(i)) {
                Thread.sleep(50);
            }
            sleepUntil(slot());
            pagesStarted.incrementAndGet();
            send(i);
        }
    }

    /** The next send time at the rate: after a pause the load goes on at the rate, with no burst. */
    private synchronized long slot() {
        long now = System.nanoTime();
        nextSlot = Math.max(nextSlot + (long) (1e9 / options.rate()), now);
        return nextSlot;
    }

    /** Posts page {@code i} until it is answered 202. */
    private void send(int i) {
        RawPage page = corpus.get(i);
        firstTry[i] = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/pages?url="
                        + URLEncoder.encode(page.url(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/html; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(page.body())).build();
        while (true) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                answers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                if (r.statusCode() == 202) {
                    accepted[i] = System.nanoTime();
                    acceptTimes.add(new long[] {accepted[i]});
                    return;
                }
                if (r.statusCode() == 504) {
                    answered504.add(i);
                }
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleepUntil(System.nanoTime() + 300_000_000L);
        }
    }

    private void injectFaults(long loadStart) throws InterruptedException {
        if (options.faults() == 0) {
            return;
        }
        for (int n = 0; n < options.faults(); n++) {
            Kind kind = options.kinds().get(n % options.kinds().size());
            // the pages of the segment before this fault are all on their way
            int before = (int) Math.ceil((double) (n + 1) * options.pages() / (options.faults() + 1));
            while (pagesStarted.get() < before) {
                Thread.sleep(50);
            }
            long until = System.nanoTime() + 180_000_000_000L;
            if (n == 0) {
                // the first fault once the pipeline keeps up with the load (warm), so that its stall is the fault's
                while (System.nanoTime() < until && waiting() > Math.max(10, options.rate() * 4)) {
                    Thread.sleep(200);
                }
            } else {
                // one fault at a time: the last one's part is back and output came after it
                Fault last = faultsDone.get(faultsDone.size() - 1);
                while (System.nanoTime() < until && (last.ready().get() == 0
                        || output.values().stream().noneMatch(t -> t > last.end()) && waiting() > 0)) {
                    Thread.sleep(200);
                }
                Thread.sleep(2_000);
            }
            long at = System.nanoTime();
            readyAt = new AtomicLong();
            switch (kind) {
                case ENRICH -> restart("enrich-streams");
                case PUBLISH -> restart("publish-service");
                case INGEST -> restart("ingest-service");
                case BROKER -> restart("broker");
                case FREEZE -> {
                    ChildProcess broker = parts.get("broker");
                    broker.freeze();
                    Thread.sleep(options.freeze().toMillis());
                    broker.thaw();
                }
            }
            if (kind == Kind.FREEZE) {
                readyAt.set(System.nanoTime());
            }
            faultsDone.add(new Fault(n + 1, kind, at, System.nanoTime(), readyAt));
            faultsInjected.incrementAndGet();
            log("fault %d/%d: %s at %.1f s (%d pages accepted, %d out)", n + 1, options.faults(), kind.label,
                    seconds(at - loadStart), acceptedCount(), output.size());
        }
    }

    private AtomicLong readyAt = new AtomicLong();

    /** kill -9 and start again; a thread notes when it is ready again (its port open, its /ready 200). */
    private void restart(String name) throws InterruptedException {
        ChildProcess part = parts.get(name);
        part.kill();
        part.start();
        AtomicLong ready = new AtomicLong();
        readyAt = ready;
        Thread t = new Thread(() -> {
            try {
                if (name.equals("broker")) {
                    awaitPort(ports.get(name), Duration.ofSeconds(120), name);
                } else {
                    awaitReady(ports.get(name), name);
                }
                ready.set(System.nanoTime());
            } catch (InterruptedException | RuntimeException e) {
                log("%s not ready again: %s", name, e);
            }
        }, "crash-ready-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Reads films.changes and films.records (committed only) as they grow. */
    private void watch(AtomicBoolean watching) {
        Map<String, Object> props = kafka().clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.FILMS_CHANGES.name(), Topics.FILMS_RECORDS.name())) {
                consumer.partitionsFor(topic, Duration.ofSeconds(60))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (watching.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.value() == null) {
                        continue;
                    }
                    if (r.topic().equals(Topics.FILMS_CHANGES.name())) {
                        ChangeEvent change = Topics.FILMS_CHANGES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                        changes.add(change);
                        if (change.causedBy() != null && change.causedBy().pageId() != null) {
                            output.putIfAbsent(change.causedBy().pageId(), System.nanoTime());
                        }
                    } else {
                        records.add(Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
                    }
                }
            }
        } catch (RuntimeException e) {
            log("the watcher stopped: %s", e);
        }
    }

    private int acceptedCount() {
        int n = 0;
        for (long t : accepted) {
            n += t > 0 ? 1 : 0;
        }
        return n;
    }

    /** Pages sent but not yet seen on films.changes. */
    private int waiting() {
        int n = 0;
        for (int i = 0; i < firstTry.length; i++) {
            if (firstTry[i] > 0 && !output.containsKey(corpus.get(i).pageId())) {
                n++;
            }
        }
        return n;
    }

    private CrashReport report(long loadStart, long loadEnd, int deadLetters) {
        Set<String> acceptedIds = new HashSet<>();
        for (int i = 0; i < accepted.length; i++) {
            if (accepted[i] > 0) {
                acceptedIds.add(corpus.get(i).pageId());
            }
        }
        Map<String, FilmRecord> latest = new HashMap<>();
        int duplicateRecords = 0;
        Set<String> recordVersions = new HashSet<>();
        for (FilmRecord r : List.copyOf(records)) {
            if (!recordVersions.add(r.id() + "@" + r.version())) {
                duplicateRecords++;
            }
            latest.merge(r.id(), r, (a, b) -> b.version() >= a.version() ? b : a);
        }
        Map<String, Set<String>> filmsOfPage = new HashMap<>();
        latest.values().forEach(f -> f.sources().forEach(s ->
                filmsOfPage.computeIfAbsent(s.pageId(), k -> new HashSet<>()).add(f.id())));
        int lost = 0;
        for (String id : acceptedIds) {
            lost += filmsOfPage.containsKey(id) ? 0 : 1;
        }
        int duplicateFilms = filmsOfPage.values().stream().mapToInt(s -> s.size() - 1).sum();
        int duplicateChanges = 0;
        int repeatChanges = 0;
        Set<String> changeVersions = new HashSet<>();
        Map<String, Set<Long>> versions = new HashMap<>();
        Map<String, Integer> changesOfPage = new HashMap<>();
        for (ChangeEvent c : List.copyOf(changes)) {
            if (!changeVersions.add(c.filmId() + "@" + c.version())) {
                duplicateChanges++;
                continue;
            }
            versions.computeIfAbsent(c.filmId(), k -> new HashSet<>()).add(c.version());
            if (c.causedBy() != null && c.causedBy().pageId() != null) {
                changesOfPage.merge(c.causedBy().pageId(), 1, Integer::sum);
            }
        }
        for (int n : changesOfPage.values()) {
            repeatChanges += n - 1;
        }
        // every version of a film, up to the newest seen on either topic, has its change event
        int skipped = 0;
        Set<String> films = new HashSet<>(versions.keySet());
        films.addAll(latest.keySet());
        for (String film : films) {
            Set<Long> v = versions.getOrDefault(film, Set.of());
            long max = Math.max(v.stream().mapToLong(Long::longValue).max().orElse(0),
                    latest.containsKey(film) ? latest.get(film).version() : 0);
            skipped += (int) (max - v.stream().filter(x -> x >= 1 && x <= max).count());
        }

        long[] tries = Arrays.stream(firstTry).filter(t -> t > 0).sorted().toArray();
        long[] outs = output.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] accepts = acceptTimes.stream().mapToLong(a -> a[0]).sorted().toArray();
        List<Fault> faults = List.copyOf(faultsDone);
        List<CrashReport.FaultResult> results = new ArrayList<>();
        long runEnd = outs.length == 0 ? loadEnd : Math.max(loadEnd, outs[outs.length - 1]);
        for (int k = 0; k < faults.size(); k++) {
            Fault f = faults.get(k);
            long until = k + 1 < faults.size() ? faults.get(k + 1).at() : runEnd;
            long firstOut = firstAfter(outs, f.at());
            results.add(new CrashReport.FaultResult(f.number(), f.kind(), seconds(f.at() - loadStart),
                    seconds(f.end() - f.at()), f.ready().get() == 0 ? -1 : seconds(f.ready().get() - f.at()), seconds(longestStall(f.at(), until, tries, outs)),
                    firstOut < 0 ? -1 : seconds(firstOut - f.at()),
                    seconds(longestGap(f.at(), Math.min(until, accepts.length == 0 ? until : accepts[accepts.length - 1]),
                            accepts))));
        }
        long firstFault = faults.isEmpty() ? runEnd : faults.get(0).at();
        double baseline = seconds(longestStall(Math.min(firstFault, loadStart + 10_000_000_000L), firstFault, tries, outs));
        Map<Integer, Integer> answerCounts = new TreeMap<>();
        answers.forEach((k, v) -> answerCounts.put(k, v.get()));
        return new CrashReport(options.pages(), options.pageBytes(), options.rate(), acceptedIds.size(), output.size(),
                answerCounts, answered504.size(), connectionErrors.get(), lost, duplicateFilms, duplicateRecords,
                duplicateChanges, repeatChanges, skipped, deadLetters, latest.size(), seconds(runEnd - loadStart), baseline,
                results);
    }

    private static long firstAfter(long[] sorted, long t) {
        int i = Arrays.binarySearch(sorted, t + 1);
        i = i < 0 ? -i - 1 : i;
        return i < sorted.length ? sorted[i] : -1;
    }

    /** Pages sent before {@code t} and not yet out at {@code t}. */
    private static int pendingAt(long t, long[] tries, long[] outs) {
        int tried = countBefore(tries, t);
        int out = countBefore(outs, t + 1);
        return tried - out;
    }

    private static int countBefore(long[] sorted, long t) {
        int i = Arrays.binarySearch(sorted, t);
        return i < 0 ? -i - 1 : i;
    }

    /** The longest time in [from, until) with no output while pages were waiting. */
    private static long longestStall(long from, long until, long[] tries, long[] outs) {
        long longest = 0;
        long previous = from;
        int i = countBefore(outs, from + 1);
        while (true) {
            long next = i < outs.length && outs[i] < until ? outs[i] : until;
            // the stall starts with the gap when pages were waiting, else with the first page sent in it
            long start = pendingAt(previous, tries, outs) > 0 ? previous : firstAfter(tries, previous);
            if (start >= 0 && start < next) {
                longest = Math.max(longest, next - start);
            }
            if (next >= until) {
                return longest;
            }
            previous = next;
            i++;
        }
    }

    /** The longest gap between consecutive times in [from, until], from {@code from}. */
    private static long longestGap(long from, long until, long[] sorted) {
        long longest = 0;
        long previous = from;
        for (int i = countBefore(sorted, from + 1); i < sorted.length && sorted[i] <= until; i++) {
            longest = Math.max(longest, sorted[i] - previous);
            previous = sorted[i];
        }
        return until > previous ? Math.max(longest, until - previous) : longest;
    }

    private void awaitPort(int port, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(what + " did not listen on port " + port + " within " + timeout.toSeconds() + " s");
    }

    private void awaitReady(int port, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!parts.get(name).isAlive()) {
                throw new IllegalStateException(name + " exited at start; see " + parts.get(name).log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " was not ready within 240 s; see " + parts.get(name).log());
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    private void log(String format, Object... args) {
        err.printf(Locale.ROOT, "crash %6.1f s: " + format + "%n", prepend(seconds(System.nanoTime() - origin), args));
        err.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** The outcome of a run. */
    record CrashReport(int pages, int pageBytes, double rate, int accepted, int out, Map<Integer, Integer> answers,
                       int pagesAnswered504, long connectionErrors, int lost, int duplicateFilms, int duplicateRecords,
                       int duplicateChanges, int repeatChanges, int skippedVersions, int deadLetters, int films,
                       double seconds, double baselineStall, List<FaultResult> faults) {

        /**
         * One fault's outcome, in seconds: when, how long it lasted (a freeze), when the part was ready again
         * (its /ready 200, the broker's port open), the longest output stall
         * after it while pages waited, when output first came after it, the longest gap between accepted pages.
         */
        record FaultResult(int number, Kind kind, double at, double lasted, double readyAfter, double stall, double firstOutput,
                           double intakeStall) {
        }

        /** No page lost, no duplicate, no skipped version. */
        boolean clean() {
            return lost == 0 && duplicateFilms == 0 && duplicateRecords == 0 && duplicateChanges == 0 && repeatChanges == 0
                    && skippedVersions == 0;
        }

        /** The longest stall after a fault of {@code kind}, or -1 when there was none. */
        double longestStall(Kind kind) {
            return faults.stream().filter(f -> f.kind() == kind).mapToDouble(FaultResult::stall).max().orElse(-1);
        }

        ObjectNode json() {
            ObjectNode o = Json.mapper().valueToTree(this);
            ArrayNode byKind = o.putArray("longestStallByKind");
            for (Kind k : Kind.values()) {
                if (longestStall(k) >= 0) {
                    byKind.addObject().put("fault", k.label).put("seconds", longestStall(k));
                }
            }
            return o;
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d pages (~%d KB) at %.0f/s: %d accepted, %d films, answers %s,"
                            + " %d pages answered 504 at least once, %d connection errors; %.0f s%n", pages, pageBytes / 1024,
                    rate, accepted, films, answers, pagesAnswered504, connectionErrors, seconds));
            out.append("\n| lost | duplicate films | duplicate records | duplicate change events | repeated changes of a page"
                    + " | skipped versions | dead letters |\n|---|---|---|---|---|---|---|\n");
            out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d |%n", lost, duplicateFilms,
                    duplicateRecords, duplicateChanges, repeatChanges, skippedVersions, deadLetters));
            out.append("\n| fault | count | longest output stall (s) | longest intake gap (s) |\n|---|---|---|---|\n");
            out.append(String.format(Locale.ROOT, "| none (before the first fault) | | %.1f | |%n", baselineStall));
            for (Kind k : Kind.values()) {
                List<FaultResult> of = faults.stream().filter(f -> f.kind() == k).toList();
                if (!of.isEmpty()) {
                    out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", k.label, of.size(),
                            of.stream().mapToDouble(FaultResult::stall).max().orElse(0),
                            of.stream().mapToDouble(FaultResult::intakeStall).max().orElse(0)));
                }
            }
            out.append("\n| # | fault | at (s) | lasted (s) | ready again after (s) | longest output stall (s) |"
                    + " first output after (s) | longest intake gap (s) |\n|---|---|---|---|---|---|---|---|\n");
            for (FaultResult f : faults) {
                out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", f.number(),
                        f.kind().label, f.at(), f.lasted(), f.readyAfter(), f.stall(), f.firstOutput(), f.intakeStall()));
            }
            return out.toString();
        }
    }
}
