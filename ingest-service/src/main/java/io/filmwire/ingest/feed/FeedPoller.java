package io.filmwire.ingest.feed;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.PageIntake;
import io.filmwire.ingest.Worker;
import io.filmwire.ingest.fetch.FetchException;
import io.filmwire.ingest.fetch.FetchRequests;
import io.filmwire.ingest.retry.RetryPolicy;
import io.filmwire.ingest.fetch.PoliteFetcher;
import io.filmwire.ingest.fetch.UrlFetcher;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls feeds (RSS 2.0, Atom, sitemaps, sitemap indexes) on a schedule and takes in the page of
 * each new item: feed -> pages.raw (page id -> raw page, source {@code feed:<url>}); an item that
 * cannot be had (robots.txt forbids it, 404, binary, too large, or passing failures past
 * {@code ingest.feed.max.attempts}) -> pages.dlq (page id -> the item, stage {@code ingest}). Each
 * attempt retries a passing failure at once with backoff ({@code ingest.retry.*}) before it counts.
 * <p>
 * Every feed is read with a conditional GET; a sitemap index's child sitemaps are read when their
 * {@code lastmod} changed. New items are written to the {@link FeedState} before they are fetched,
 * and marked seen only once Kafka acknowledged the page (or its dead letter): a restart neither
 * loses an item nor takes one in twice. While Kafka does not acknowledge, items wait. Pages are
 * fetched through the {@link PoliteFetcher} (robots.txt, per-host delay), one at a time: the
 * item whose host frees first, alternating with due feeds so that neither starves the other. An
 * unexpected error (the state file cannot be written) stops the poller and turns it DOWN on
 * {@code /health}.
 * <p>
 * State: the feed state file in {@code ingest.state.dir}. Threading: one thread of its own; the
 * public methods are thread-safe.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final Duration KAFKA_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    private static final int MAX_INDEX_DEPTH = 2;

    private final List<String> feeds;
    private final IngestConfig config;
    private final PageIntake intake;
    private final PoliteFetcher fetcher;
    private final FeedState state;
    private final Map<String, Long> nextPoll = new HashMap<>();
    private final Map<String, String> lastFeedError = new HashMap<>();
    private final Counter ingested;
    private final Counter deadLettered;
    private final Counter retried;
    private final Counter polls;
    private final Counter pollFailures;
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Worker worker;
    private long kafkaPausedUntil;
    private boolean kafkaDown;

    /**
     * A poller of {@code config.feeds()} writing through {@code intake}; its state lives in
     * {@code <ingest.state.dir>/feeds.jsonl}. Call {@link #start}.
     */
    public FeedPoller(IngestConfig config, PageIntake intake, PoliteFetcher fetcher, MeterRegistry registry) {
        this.config = config;
        this.feeds = config.feeds().urls();
        this.intake = intake;
        this.fetcher = fetcher;
        this.state = FeedState.open(stateFile(config));
        this.ingested = Counter.builder("filmwire.ingest.feed.items").tag("result", "ingested")
                .description("Feed items whose page was written to pages.raw").register(registry);
        this.deadLettered = Counter.builder("filmwire.ingest.feed.items").tag("result", "dead_lettered")
                .description("Feed items given up on, written to pages.dlq").register(registry);
        this.retried = Counter.builder("filmwire.ingest.feed.items").tag("result", "retried")
                .description("Feed item fetches that failed for a passing reason and wait for another try").register(registry);
        this.polls = Counter.builder("filmwire.ingest.feed.polls").tag("result", "read")
                .description("Feed documents read").register(registry);
        this.pollFailures = Counter.builder("filmwire.ingest.feed.polls").tag("result", "failed")
                .description("Feed documents that could not be read").register(registry);
        Gauge.builder("filmwire.ingest.feed.pending", pendingCount, AtomicInteger::get)
                .description("Feed items found and not yet taken in").register(registry);
        this.pendingCount.set(state.pending().size());
        this.worker = new Worker("feed-poller", this::run);
    }

    /** The state file of the feed poller of {@code config}. */
    public static Path stateFile(IngestConfig config) {
        return config.stateDir().resolve("feeds.jsonl");
    }

    /** Starts polling. */
    public FeedPoller start() {
        worker.start();
        LOG.info("Polling {} feed(s) every {} ms: {}", feeds.size(), config.feeds().interval().toMillis(), feeds);
        return this;
    }

    /** True while the polling thread runs. */
    public boolean isHealthy() {
        return worker.isAlive();
    }

    /** Items found and not yet taken in. */
    public int pending() {
        return pendingCount.get();
    }

    /**
     * Alternates: one due feed, then one item (waiting up to {@link #MAX_IDLE} for its host), so
     * that neither feeds nor items starve when they share a host; idles when neither is ready.
     */
    private void run() {
        try {
            while (worker.running()) {
                String due = dueFeed();
                if (due != null) {
                    pollFeed(due);
                    nextPoll.put(due, System.nanoTime() + config.feeds().interval().toNanos());
                }
                long idle = worker.running() ? workOnOneItem() : 0;
                if (due == null && idle > 0) {
                    worker.pause(Math.max(10, Math.min(idle, untilNextPoll()) / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The feed poller stopped on an unexpected error; feeds are not polled until a restart", e);
            worker.ended();
        }
    }

    /** The feed longest due for a poll, or null. */
    private String dueFeed() {
        long now = System.nanoTime();
        String due = null;
        long dueAt = 0;
        for (String feed : feeds) {
            long at = nextPoll.getOrDefault(feed, now);
            if (at - now <= 0 && (due == null || at - dueAt < 0)) {
                due = feed;
                dueAt = at;
            }
        }
        return due;
    }

    private long untilNextPoll() {
        long now = System.nanoTime();
        long wait = MAX_IDLE.toNanos();
        for (long at : nextPoll.values()) {
            wait = Math.min(wait, at - now);
        }
        return wait;
    }

    // ---- feeds

    private void pollFeed(String feed) throws InterruptedException {
        try {
            int added = readDocument(PoliteFetcher.toUri(feed), null, 0);
            pendingCount.set(state.pending().size());
            if (lastFeedError.remove(feed) != null) {
                LOG.info("Feed '{}' can be read again", feed);
            }
            if (added > 0) {
                LOG.info("Feed '{}': {} new item(s); {} waiting to be fetched", feed, added, pendingCount.get());
            }
        } catch (FetchException | FeedParser.NotAFeedException e) {
            pollFailures.increment();
            String message = e.getMessage();
            if (!message.equals(lastFeedError.put(feed, message))) {
                LOG.warn("Feed '{}' not read: {}; tried again every {} ms", feed, message,
                        config.feeds().interval().toMillis());
            }
        }
    }

    /**
     * Reads one feed document (and, for a sitemap index, its changed children); returns the items
     * added. Its validators are remembered only when everything in it was read, so that a child
     * that failed is read again next time.
     */
    private int readDocument(URI url, String version, int depth)
            throws FetchException, FeedParser.NotAFeedException, InterruptedException {
        String key = url.toString();
        UrlFetcher.Response response = fetcher.fetch(url, config.feeds().maxBytes(), UrlFetcher.ACCEPT_FEEDS,
                state.validators(key));
        if (response.notModified()) {
            LOG.debug("Feed '{}' not modified", key);
            return 0;
        }
        polls.increment();
        FeedParser.Feed parsed = FeedParser.parse(response.body(), response.charset(), response.url(),
                config.feeds().maxBytes());
        if (parsed.skipped() > 0) {
            LOG.warn("Feed '{}': {} link(s) left out (not http(s), malformed, or past {} links)", key, parsed.skipped(),
                    FeedParser.MAX_LINKS);
        }
        int added = state.found(key, parsed.items());
        boolean complete = true;
        if (parsed.kind() == FeedParser.Kind.SITEMAP_INDEX) {
            for (FeedParser.Item child : parsed.children()) {
                if (!worker.running()) {
                    complete = false;
                    break;
                }
                if (child.version() != null && state.knowsFeed(child.url()) && child.version().equals(state.feedVersion(child.url()))) {
                    continue;
                }
                if (depth + 1 > MAX_INDEX_DEPTH) {
                    LOG.warn("Sitemap index '{}' nests too deep; child '{}' left out", key, child.url());
                    continue;
                }
                try {
                    added += readDocument(PoliteFetcher.toUri(child.url()), child.version(), depth + 1);
                } catch (FetchException | FeedParser.NotAFeedException e) {
                    complete = false;
                    pollFailures.increment();
                    LOG.warn("Sitemap '{}' (of index '{}') not read: {}; tried again at the next poll", child.url(), key,
                            e.getMessage());
                }
            }
        }
        if (complete) {
            state.feedRead(key, response.validators(), version);
        }
        return added;
    }

    // ---- items

    /**
     * Takes in the pending item whose time has come and whose host frees first, waiting for that
     * host when it frees within {@link #MAX_IDLE}. Returns 0 when an item was taken, else the
     * nanoseconds until one might be ready.
     */
    private long workOnOneItem() throws InterruptedException {
        long now = System.currentTimeMillis();
        if (kafkaDown && System.nanoTime() - kafkaPausedUntil < 0) {
            return kafkaPausedUntil - System.nanoTime();
        }
        long soonest = MAX_IDLE.toNanos();
        FeedState.Pending best = null;
        long bestWait = Long.MAX_VALUE;
        Set<String> seenHosts = new HashSet<>();
        for (FeedState.Pending item : state.pending()) {
            if (item.notBeforeMillis() > now) {
                soonest = Math.min(soonest, (item.notBeforeMillis() - now) * 1_000_000);
                continue;
            }
            URI uri;
            try {
                uri = PoliteFetcher.toUri(item.url());
            } catch (FetchException e) {
                giveUp(item, e.getMessage());
                return 0;
            }
            if (!seenHosts.add(uri.getHost())) {
                continue;
            }
            long wait = fetcher.waitFor(uri).toNanos();
            if (wait < bestWait) {
                best = item;
                bestWait = wait;
                if (wait == 0) {
                    break;
                }
            }
        }
        if (best == null || bestWait > MAX_IDLE.toNanos()) {
            return best == null ? soonest : Math.min(soonest, bestWait);
        }
        takeIn(best);
        pendingCount.set(state.pending().size());
        return 0;
    }

    private void takeIn(FeedState.Pending item) throws InterruptedException {
        // passing failures are retried within ingest.retry.timeout.ms: that is one attempt of the item
        RetryPolicy.Outcome<RawPage, FetchException> fetched = config.retry().run(
                () -> fetcher.fetchPage(item.url(), "feed:" + item.feed(), item.title(), config.maxPageBytes()),
                FetchRequests::retryAfter, wait -> {
                    worker.pause(wait.toMillis());
                    return worker.running();
                });
        if (!worker.running()) {
            return;
        }
        RawPage page = fetched.result();
        if (!fetched.succeeded()) {
            FetchException e = fetched.failure();
            if (e.isTransient() && item.attempts() + 1 < config.feeds().maxAttempts()) {
                Duration delay = retryDelay(item.attempts(), e.retryAfter());
                state.retryLater(item, System.currentTimeMillis() + delay.toMillis(), e.getMessage(), true);
                retried.increment();
                LOG.info("Feed item '{}' not fetched ({}); try {} of {} in {} ms", item.url(), e.getMessage(),
                        item.attempts() + 2, config.feeds().maxAttempts(), delay.toMillis());
            } else {
                giveUp(item, e.isTransient() ? e.getMessage() + " (" + config.feeds().maxAttempts()
                        + " attempts, ingest.feed.max.attempts)" : e.getMessage());
            }
            return;
        }
        try {
            intake.await(intake.submit(page));
            state.done(item, "ingested");
            ingested.increment();
            kafkaUp();
            LOG.debug("Feed item '{}' taken in as '{}'", item.url(), page.pageId());
        } catch (ExecutionException e) {
            if (PageIntake.isRetriable(e)) {
                kafkaDown(e);
            } else {
                giveUp(item, "Kafka refused the page: " + PageIntake.describe(e));
            }
        }
    }

    /** The feed interval, doubled with each attempt, at least what the server asked for, at most an hour. */
    private Duration retryDelay(int attempts, Duration retryAfter) {
        Duration delay = config.feeds().interval().multipliedBy(1L << Math.min(attempts, 10));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /** Writes {@code item} to pages.dlq with {@code reason} and marks it seen; waits while Kafka is down. */
    private void giveUp(FeedState.Pending item, String reason) throws InterruptedException {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("url", item.url());
        input.put("feed", item.feed());
        input.put("title", item.title());
        input.put("version", item.version());
        input.put("attempts", item.attempts() + 1);
        DlqEntry entry = DlqEntry.of(DlqEntry.Stage.INGEST, DlqEntry.Reason.NOT_TAKEN_IN, item.url(), item.url(),
                Json.write(input).getBytes(StandardCharsets.UTF_8), "feed item not taken in: " + reason, null,
                DlqEntry.Coordinates.NONE, Instant.now());
        try {
            intake.await(intake.deadLetter(entry));
            state.done(item, "dead-lettered");
            deadLettered.increment();
            kafkaUp();
            LOG.warn("Feed item '{}' (feed '{}') not taken in: {}; written to pages.dlq", item.url(), item.feed(), reason);
        } catch (ExecutionException e) {
            if (PageIntake.isRetriable(e)) {
                kafkaDown(e);
            } else {
                state.done(item, "lost: " + reason);
                LOG.error("Feed item '{}' (feed '{}') not taken in ({}) and its dead letter refused by Kafka ({})",
                        item.url(), item.feed(), reason, PageIntake.describe(e));
            }
        }
    }

    private void kafkaDown(Throwable error) {
        kafkaPausedUntil = System.nanoTime() + KAFKA_BACKOFF.toNanos();
        if (!kafkaDown) {
            kafkaDown = true;
            LOG.warn("Kafka does not acknowledge ({}); {} feed item(s) wait and are tried again", PageIntake.describe(error),
                    state.pending().size());
        }
    }

    private void kafkaUp() {
        if (kafkaDown) {
            kafkaDown = false;
            LOG.info("Kafka acknowledges again; feed items flow");
        }
    }

    /**
     * Stops polling: the item in hand is finished when that takes less than a fetch and an
     * acknowledgement, else abandoned (it stays pending). Closes the state file.
     */
    @Override
    public void close() {
        worker.stop(config.fetch().timeout().plus(config.ackTimeout()));
        state.close();
    }
}
