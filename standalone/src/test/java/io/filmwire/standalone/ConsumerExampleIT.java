package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.cli.FilmwireCli;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicReader;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.Topics;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's consumer example, taken from the README, compiled against the schemas artifact and its
 * dependencies alone (schemas/target/consumer-classpath.txt) and run in a class loader that sees
 * nothing else, against the pipeline on the embedded broker: it keeps every live film, drops the
 * tombstoned, finds a merged-away id's film, and never shows a write of an aborted transaction (the
 * same code with read_uncommitted does). Every record of every topic carries its schema header.
 */
class ConsumerExampleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- consumer-example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dataDir;
    @TempDir
    Path classes;

    private Standalone standalone;

    @AfterEach
    void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    /** The example's source, as the README shows it. */
    static String exampleSource() throws Exception {
        Path readme = Path.of("..", "README.md");
        Matcher m = EXAMPLE.matcher(Files.readString(Files.exists(readme) ? readme : Path.of("README.md")));
        assertThat(m.find()).as("a ```java block after <!-- consumer-example --> in the README").isTrue();
        return m.group(1);
    }

    /** The schemas jar and what it depends on at run time: all a consumer has. */
    private static List<Path> consumerClasspath() throws Exception {
        Path jar = Path.of(System.getProperty("filmwire.consumer.jar", "../schemas/target/schemas.jar"));
        Path list = Path.of(System.getProperty("filmwire.consumer.classpath", "../schemas/target/consumer-classpath.txt"));
        assertThat(jar).as("the schemas jar (built by the reactor before this module)").isRegularFile();
        assertThat(list).as("the schemas module's consumer classpath").isRegularFile();
        List<Path> out = new ArrayList<>(List.of(jar));
        for (String entry : Files.readString(list).strip().split(File.pathSeparator)) {
            out.add(Path.of(entry));
        }
        return out;
    }

    /** Compiles {@code source} (class FilmCatalog) into its own folder; a class loader seeing only it and the consumer classpath. */
    private URLClassLoader compile(String source, String folder) throws Exception {
        Path dir = Files.createDirectories(classes.resolve(folder));
        Path file = dir.resolve("FilmCatalog.java");
        Files.writeString(file, source);
        List<Path> classpath = consumerClasspath();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, "-classpath", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                "-d", dir.toString(), "-Xlint:all", file.toString());
        assertThat(status).as("compiling the README's consumer example: " + errors.toString(StandardCharsets.UTF_8)).isZero();
        List<URL> urls = new ArrayList<>(List.of(dir.toUri().toURL()));
        for (Path p : classpath) {
            urls.add(p.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * A running FilmCatalog of the compiled example, driven by reflection (its classes are not ours),
     * with its class loader as the thread's context loader while it runs, as it would be in its own
     * application (Kafka's clients load their plugins through that loader).
     */
    private static final class Catalog implements AutoCloseable {
        final ClassLoader loader;
        final Object catalog;
        final Method poll;
        final Method film;
        final Method size;

        Catalog(ClassLoader loader, String bootstrapServers) throws Exception {
            this.loader = loader;
            Class<?> type = loader.loadClass("FilmCatalog");
            catalog = inLoader(() -> type.getConstructor(String.class, String.class).newInstance(bootstrapServers,
                    "readme-example-" + UUID.randomUUID()));
            poll = type.getMethod("poll", Duration.class);
            film = type.getMethod("film", String.class);
            size = type.getMethod("size");
        }

        private <T> T inLoader(java.util.concurrent.Callable<T> call) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader saved = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return call.call();
            } finally {
                thread.setContextClassLoader(saved);
            }
        }

        void poll() throws Exception {
            inLoader(() -> poll.invoke(catalog, Duration.ofMillis(500)));
        }

        /** The id and title of the film {@code id} finds, or null. */
        String film(String id) throws Exception {
            Optional<?> found = (Optional<?>) film.invoke(catalog, id);
            if (found.isEmpty()) {
                return null;
            }
            Object record = found.get();
            return record.getClass().getMethod("id").invoke(record) + " " + record.getClass().getMethod("title").invoke(record);
        }

        int size() throws Exception {
            return (Integer) size.invoke(catalog);
        }

        @Override
        public void close() throws Exception {
            inLoader(() -> {
                ((AutoCloseable) catalog).close();
                return null;
            });
        }
    }

    /** A film record on every partition of films.records in a transaction that is then aborted. */
    private void writeAndAbort(String filmId) {
        FilmRecord ghost = new FilmRecord(filmId, "Never Published", List.of(), 2000, 90, null, List.of(), List.of(),
                List.of(), List.of(new FilmRecord.SourceRef("p", null, null, null)), Map.of(), Map.of(), 1, List.of(),
                Instant.now());
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        byte[] value = Topics.FILMS_RECORDS.valueSerde().serializer().serialize(Topics.FILMS_RECORDS.name(), headers, ghost);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(standalone.kafka().clientProperties(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "readme-abort-" + UUID.randomUUID())),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            int partitions = producer.partitionsFor(Topics.FILMS_RECORDS.name()).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(Topics.FILMS_RECORDS.name(), p, filmId, value, headers));
            }
            producer.flush();
            producer.abortTransaction();
        }
    }

    @Test
    void theReadmeConsumerKeepsLiveFilmsFollowsMergesAndSkipsAbortedWrites() throws Exception {
        String source = exampleSource();
        assertThat(source).contains("read_committed");
        URLClassLoader example = compile(source, "example");
        URLClassLoader uncommitted = compile(source.replace("\"read_committed\"", "\"read_uncommitted\""), "control");

        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                StandaloneConfig.HTTP_PORT, "0")), true);
        String tiempos = "film-tiempos-violentos-1994";
        String pulp = "film-pulp-fiction-1994";
        String lighthouse = "film-lighthouse-keepers-2001";
        TestPages.post(standalone, "https://es.example/tiempos", TestPages.movie("Tiempos violentos", 1994, 154,
                TestPages.director("Quentin Tarantino"), "es"));
        TestPages.post(standalone, "https://en.example/pulp", TestPages.movie("Pulp Fiction", 1994, 154, "", "en"));
        TestPages.post(standalone, "https://one.example/lighthouse", TestPages.movie("Lighthouse Keepers", 2001, 100, "", "one"));

        try (Catalog catalog = new Catalog(example, standalone.bootstrapServers());
             Catalog control = new Catalog(uncommitted, standalone.bootstrapServers())) {
            Await.until(TIMEOUT, "three films in the example's catalog", () -> {
                try {
                    catalog.poll();
                    return catalog.size() == 3 ? Boolean.TRUE : null;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(catalog.film(pulp)).isEqualTo(pulp + " Pulp Fiction");

            writeAndAbort("film-never-published");
            assertThat(FilmwireCli.commandLine().execute("override", lighthouse, "runtimeMinutes", "95", "--reason",
                    "checked", "--bootstrap-servers", standalone.bootstrapServers())).isZero();
            TestPages.post(standalone, "https://wiki.example/pulp", TestPages.movie("Pulp Fiction", 1994, 154,
                    TestPages.alias("Tiempos violentos") + TestPages.director("Quentin Tarantino"), "wiki"));

            // the merge: the absorbed id's tombstone removes it, and its id finds the survivor
            Await.until(TIMEOUT, "the merge in the example's catalog", () -> {
                try {
                    catalog.poll();
                    control.poll();
                    return catalog.size() == 2 ? Boolean.TRUE : null;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            for (int i = 0; i < 4; i++) {
                catalog.poll();
                control.poll();
            }
            String survivor = catalog.film(tiempos);
            assertThat(survivor).startsWith(tiempos + " ");
            assertThat(catalog.film(pulp)).isEqualTo(survivor);
            assertThat(catalog.film(lighthouse)).isEqualTo(lighthouse + " Lighthouse Keepers");
            assertThat(catalog.film("film-never-published")).isNull();
            // the same code reading uncommitted data shows the aborted write: the check above can fail
            assertThat(control.film("film-never-published")).isEqualTo("film-never-published Never Published");
            System.out.printf("ConsumerExampleIT: the README's catalog holds %d films; '%s' finds '%s'%n", catalog.size(),
                    pulp, survivor);
        }
        example.close();
        uncommitted.close();
        assertEveryRecordNamesItsSchema();
        // the tombstone of the merged-away id on films.records says where the film went
        ConsumerRecord<String, byte[]> tombstone = TopicReader.readToEnd(standalone.kafka(), Topics.FILMS_RECORDS.name())
                .stream().filter(r -> pulp.equals(r.key()) && r.value() == null).findFirst().orElseThrow();
        assertThat(RecordHeaders.text(tombstone.headers(), RecordHeaders.MERGED_INTO)).isEqualTo(tiempos);
    }

    /** Every record on the topics the pipeline wrote names its value's schema and version. */
    private void assertEveryRecordNamesItsSchema() {
        Map<String, MessageSchema> expected = Map.of(
                Topics.PAGES_RAW.name(), MessageSchema.RAW_PAGE,
                Topics.PAGES_CLEAN.name(), MessageSchema.CLEAN_PAGE,
                Topics.FILMS_RECONCILED.name(), MessageSchema.FILM_RECORD,
                Topics.FILMS_RECORDS.name(), MessageSchema.FILM_RECORD,
                Topics.FILMS_CHANGES.name(), MessageSchema.CHANGE_EVENT,
                Topics.FILMS_OVERRIDES.name(), MessageSchema.FILM_OVERRIDES);
        expected.forEach((topic, schema) -> {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readToEnd(standalone.kafka(), topic);
            assertThat(records).as(topic).isNotEmpty();
            assertThat(records).as("the %s header on %s", RecordHeaders.SCHEMA, topic)
                    .allSatisfy(r -> assertThat(RecordHeaders.text(r.headers(), RecordHeaders.SCHEMA))
                            .isEqualTo(schema.id().toString()));
        });
    }
}
