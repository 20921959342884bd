package io.filmwire.ingest.fetch;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.PageIntake;
import io.filmwire.ingest.Worker;
import io.filmwire.ingest.retry.RetryPolicy;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FetchRequest;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the fetch requests on pages.fetch (URL -> fetch request: the replay of an intake dead
 * letter) and fetches each URL again through the {@link PoliteFetcher} (fetch policy, robots.txt,
 * per-host delay, limits): the page -> pages.raw, a URL that still cannot be had -> pages.dlq
 * (stage {@code ingest}, code {@code not-taken-in}, the request as input with its coordinates on
 * pages.fetch, so that it can be replayed again). Both carry the request's {@code filmwire.replay.of}
 * and {@code filmwire.replays} headers, so a replay that keeps failing meets the replay limit. A
 * record that is not a fetch request is dead-lettered at once ({@code unreadable}).
 * <p>
 * Passing failures are retried by the {@link RetryPolicy} ({@code ingest.retry.*}) before the dead
 * letter: fetches that time out or are answered 5xx/429, and Kafka sends failing with a retriable
 * error. A request is committed (consumer group {@value #GROUP}) only once Kafka acknowledged its
 * page or its dead letter; while Kafka does not, it is read again (at least once: a second fetch of
 * the same page is a refetch downstream, no second film or change event).
 * <p>
 * Threading: one thread of its own, its consumer used only there; the public methods are thread-safe.
 */
public final class FetchRequests implements AutoCloseable {

    /** The consumer group of ingest-service's fetch requests. */
    public static final String GROUP = "filmwire-ingest-fetch";

    private static final Logger LOG = LoggerFactory.getLogger(FetchRequests.class);
    private static final Duration KAFKA_BACKOFF = Duration.ofSeconds(2);

    private final IngestConfig config;
    private final PageIntake intake;
    private final PoliteFetcher fetcher;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Worker worker;
    private final Counter ingested;
    private final Counter deadLettered;

    public FetchRequests(IngestConfig config, PageIntake intake, PoliteFetcher fetcher, MeterRegistry registry) {
        this.config = config;
        this.intake = intake;
        this.fetcher = fetcher;
        // one request at a time; the poll interval allows its fetch with every retry and both acknowledgements
        long perRequest = config.retry().timeout().plus(config.fetch().timeout()).plus(config.ackTimeout().multipliedBy(2))
                .plus(config.retry().maxBackoff()).plusSeconds(30).toMillis();
        this.consumer = new KafkaConsumer<>(config.kafka().clientProperties(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG, "filmwire-ingest-fetch",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, perRequest),
                // requests are small: what one fetch brings in stays small whatever is on the topic
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1024 * 1024)),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.ingested = Counter.builder("filmwire.ingest.fetch.requests").tag("result", "ingested")
                .description("Fetch requests (replayed intake dead letters) whose page was written to pages.raw")
                .register(registry);
        this.deadLettered = Counter.builder("filmwire.ingest.fetch.requests").tag("result", "dead_lettered")
                .description("Fetch requests whose URL could not be had, written to pages.dlq").register(registry);
        this.worker = new Worker("fetch-requests", this::run);
    }

    /** Starts taking requests. */
    public FetchRequests start() {
        consumer.subscribe(List.of(Topics.PAGES_FETCH.name()));
        worker.start();
        LOG.info("Taking fetch requests from '{}' (group '{}')", Topics.PAGES_FETCH.name(), GROUP);
        return this;
    }

    /** True while its thread runs. */
    public boolean isHealthy() {
        return worker.isAlive();
    }

    private void run() {
        try {
            while (worker.running()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (handle(record)) {
                        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(record.offset() + 1)));
                    } else {
                        // Kafka does not acknowledge: the same request again after a pause
                        consumer.seek(tp, record.offset());
                        worker.pause(KAFKA_BACKOFF.toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (worker.running()) {
                LOG.error("Fetch requests are no longer taken: unexpected error; restart ingest-service", e);
            }
            worker.ended();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Takes one request in; false when Kafka acknowledged neither its page nor its dead letter. */
    private boolean handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of(RecordHeaders.REPLAY_OF, RecordHeaders.REPLAYS)) {
            String value = RecordHeaders.text(record.headers(), name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        DlqEntry.Coordinates at = new DlqEntry.Coordinates(record.topic(), record.partition(), record.offset());
        FetchRequest request;
        try {
            request = Topics.PAGES_FETCH.valueSerde().deserializer().deserialize(record.topic(), record.headers(),
                    record.value());
            if (request == null) {
                throw new IllegalArgumentException("no value");
            }
        } catch (RuntimeException e) {
            // a lasting failure: no retry
            return deadLetter(DlqEntry.preview(DlqEntry.Stage.INGEST, DlqEntry.Reason.UNREADABLE, record.key(),
                    record.key(), record.value(), "not a fetch request: " + e.getMessage(), e, at, Instant.now()), headers);
        }
        RetryPolicy.Outcome<RawPage, FetchException> fetched = config.retry().run(
                () -> fetcher.fetchPage(request.url(), request.source(), request.title(), config.maxPageBytes()),
                FetchRequests::retryAfter, this::sleep);
        if (!worker.running()) {
            return false;
        }
        if (!fetched.succeeded()) {
            String reason = "fetch request not taken in: " + fetched.failure().getMessage()
                    + (fetched.passing() ? " (" + fetched.attempts() + " attempts within ingest.retry.timeout.ms)" : "");
            return deadLetter(DlqEntry.of(DlqEntry.Stage.INGEST, DlqEntry.Reason.NOT_TAKEN_IN, request.url(),
                    record.key(), record.value(), reason, null, at, Instant.now()), headers);
        }
        RawPage page = fetched.result();
        RetryPolicy.Outcome<Object, ExecutionException> sent = config.retry().run(
                () -> intake.await(intake.submit(page, headers)), FetchRequests::kafkaRetryAfter, this::sleep);
        if (sent.succeeded()) {
            ingested.increment();
            LOG.info("Fetch request '{}' (replay of '{}') taken in as '{}'", request.url(),
                    headers.get(RecordHeaders.REPLAY_OF), page.pageId());
            return true;
        }
        if (sent.passing()) {
            LOG.warn("Fetch request '{}': Kafka does not acknowledge the page ({}); tried again", request.url(),
                    PageIntake.describe(sent.failure()));
            return false;
        }
        return deadLetter(DlqEntry.of(DlqEntry.Stage.INGEST, DlqEntry.Reason.NOT_TAKEN_IN, request.url(), record.key(),
                record.value(), "Kafka refused the page of '" + request.url() + "': " + PageIntake.describe(sent.failure()),
                sent.failure().getCause(), at, Instant.now()), headers);
    }

    private boolean deadLetter(DlqEntry entry, Map<String, String> headers) throws InterruptedException {
        RetryPolicy.Outcome<Object, ExecutionException> sent = config.retry().run(
                () -> intake.await(intake.deadLetter(entry, headers)), FetchRequests::kafkaRetryAfter, this::sleep);
        if (sent.succeeded()) {
            deadLettered.increment();
            LOG.warn("Fetch request '{}' not taken in ({}); written to pages.dlq as '{}'", entry.pageId(), entry.reason(),
                    entry.id());
            return true;
        }
        if (sent.passing()) {
            LOG.warn("Fetch request '{}': Kafka does not acknowledge its dead letter ({}); tried again", entry.pageId(),
                    PageIntake.describe(sent.failure()));
            return false;
        }
        LOG.error("Fetch request '{}' not taken in ({}) and its dead letter refused by Kafka ({}); dropped",
                entry.pageId(), entry.reason(), PageIntake.describe(sent.failure()));
        return true;
    }

    private boolean sleep(Duration wait) throws InterruptedException {
        worker.pause(wait.toMillis());
        return worker.running();
    }

    /** A fetch failure's wait when trying again may help (timeouts, 5xx, 429), else null. */
    public static Duration retryAfter(FetchException e) {
        if (!e.isTransient()) {
            return null;
        }
        return e.retryAfter() == null ? Duration.ZERO : e.retryAfter();
    }

    /** A Kafka send failure's wait when it is retriable, else null. */
    public static Duration kafkaRetryAfter(ExecutionException e) {
        return PageIntake.isRetriable(e) ? Duration.ZERO : null;
    }

    /** Stops taking requests: the one in hand is finished when that takes less than a fetch and an acknowledgement. */
    @Override
    public void close() {
        worker.stop(config.fetch().timeout().plus(config.ackTimeout()));
    }
}
