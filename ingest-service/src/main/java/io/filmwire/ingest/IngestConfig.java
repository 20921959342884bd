package io.filmwire.ingest;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.ingest.retry.RetryPolicy;
import io.filmwire.schema.PageIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of ingest-service, validated at start-up: a bad value fails naming the key, the
 * value and what is expected.
 *
 * @param maxPageBytes      pages larger than this are refused (HTTP 413, file moved to failed/, feed item dead-lettered)
 * @param deliveryTimeoutMs how long a page may wait for Kafka's acknowledgement before it is refused
 * @param maxBlockMs        how long sending may block on unknown metadata or a full buffer
 * @param watch             the watched folders
 * @param feeds             the polled feeds
 * @param fetch             how URLs are fetched (feeds, their items, {@code filmwire ingest URL})
 * @param stateDir          where the feed poller keeps what it has seen
 * @param retry             how passing failures are retried before an item is dead-lettered
 * @param maxInflightBytes  bytes of pages HTTP intake holds at once
 */
public record IngestConfig(KafkaSettings kafka, long maxPageBytes, int deliveryTimeoutMs, int maxBlockMs,
                           Watch watch, Feeds feeds, Fetch fetch, Path stateDir, RetryPolicy retry,
                           long maxInflightBytes) {

    public static final String MAX_PAGE_BYTES = "ingest.max.page.bytes";
    public static final String DELIVERY_TIMEOUT_MS = "ingest.delivery.timeout.ms";
    public static final String MAX_BLOCK_MS = "ingest.max.block.ms";
    public static final String WATCH_DIRS = "ingest.watch.dirs";
    public static final String WATCH_INTERVAL_MS = "ingest.watch.interval.ms";
    public static final String WATCH_SETTLE_MS = "ingest.watch.settle.ms";
    public static final String FEEDS = "ingest.feeds";
    public static final String FEED_INTERVAL_MS = "ingest.feed.interval.ms";
    public static final String FEED_MAX_BYTES = "ingest.feed.max.bytes";
    public static final String FEED_MAX_ATTEMPTS = "ingest.feed.max.attempts";
    public static final String STATE_DIR = "ingest.state.dir";
    public static final String FETCH_TIMEOUT_MS = "ingest.fetch.timeout.ms";
    public static final String FETCH_MAX_REDIRECTS = "ingest.fetch.max.redirects";
    public static final String FETCH_HOST_DELAY_MS = "ingest.fetch.host.delay.ms";
    public static final String FETCH_ALLOW_HOSTS = "ingest.fetch.allow.hosts";
    public static final String FETCH_PORTS = "ingest.fetch.ports";
    /** A key of earlier versions, refused with what replaces it. */
    public static final String OLD_FETCH_ALLOW_PRIVATE = "ingest.fetch.allow.private";
    public static final String FETCH_USER_AGENT = "ingest.fetch.user.agent";
    public static final String MAX_INFLIGHT_BYTES = "ingest.http.max.inflight.bytes";
    public static final String RETRY_TIMEOUT_MS = "ingest.retry.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "ingest.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "ingest.retry.backoff.max.ms";

    public static final ConfigDef DEF = new ConfigDef()
            .define(MAX_PAGE_BYTES, Type.LONG, 10L * 1024 * 1024, Range.between(1024, 24L * 1024 * 1024), Importance.MEDIUM,
                    "Largest page accepted, in bytes (after decompression). Larger pages are refused: HTTP 413, a"
                            + " watched file to failed/, a feed item to pages.dlq.")
            .define(MAX_INFLIGHT_BYTES, Type.LONG, 16L * 1024 * 1024, Range.between(1024 * 1024, 1L << 31), Importance.LOW,
                    "Bytes of pages POST /pages holds at once (each request's Content-Length, or ingest.max.page.bytes"
                            + " when it declares none), reserved before its body is read: a request that finds no room"
                            + " within 5 s is answered 503 with Retry-After (a larger page waits until it is alone). A page costs several times its size in memory while it is taken in, so this bounds intake's heap whatever the clients send.")
            .define(DELIVERY_TIMEOUT_MS, Type.INT, 10_000, Range.between(1_000, 600_000), Importance.MEDIUM,
                    "How long a page may wait for Kafka's acknowledgement: past it, HTTP answers 504 (outcome unknown, retry is safe), a watched"
                            + " file stays for the next scan, a feed item is tried again later.")
            .define(MAX_BLOCK_MS, Type.INT, 5_000, Range.between(100, 600_000), Importance.LOW,
                    "How long sending a page may block while Kafka's metadata is unknown or the send buffer is"
                            + " full, before the page is refused like an unacknowledged one.")
            .define(WATCH_DIRS, Type.LIST, null, Importance.MEDIUM,
                    "Folders watched for page files (.html, .htm, .txt, .gz); done files move to processed/,"
                            + " failed ones to failed/ with a .error.txt. `run --watch DIR` adds one.")
            .define(WATCH_INTERVAL_MS, Type.LONG, 1_000L, Range.between(50, 3_600_000), Importance.LOW,
                    "How often the watched folders are scanned.")
            .define(WATCH_SETTLE_MS, Type.LONG, 1_000L, Range.between(0, 3_600_000), Importance.LOW,
                    "A dropped file is taken once it has not been modified for this long (half-copied files wait).")
            .define(FEEDS, Type.LIST, null, Importance.MEDIUM,
                    "RSS 2.0, Atom, sitemap or sitemap index URLs polled for new pages. `run --feed URL` adds one.")
            .define(FEED_INTERVAL_MS, Type.LONG, 900_000L, Range.between(100, 7L * 24 * 3_600_000), Importance.MEDIUM,
                    "How often each feed is polled (a conditional GET: ETag, Last-Modified).")
            .define(FEED_MAX_BYTES, Type.LONG, 50L * 1024 * 1024, Range.between(1024, 1024L * 1024 * 1024), Importance.LOW,
                    "Largest feed or sitemap read, in bytes (after decompression).")
            .define(FEED_MAX_ATTEMPTS, Type.INT, 5, Range.between(1, 1000), Importance.LOW,
                    "Fetches of a feed item that fail for a passing reason (timeout, 5xx, 429) before it goes to"
                            + " pages.dlq; the waits between them double from ingest.feed.interval.ms, up to an hour.")
            .define(STATE_DIR, Type.STRING, "", Importance.LOW,
                    "Where the feed poller keeps what it has seen, so that a restart does not ingest it again"
                            + " (default: <data.dir>/ingest).")
            .define(FETCH_TIMEOUT_MS, Type.INT, 20_000, Range.between(100, 600_000), Importance.MEDIUM,
                    "Time limit of one HTTP fetch: connecting, waiting for the answer and reading the whole body.")
            .define(FETCH_MAX_REDIRECTS, Type.INT, 5, Range.between(0, 20), Importance.LOW,
                    "Redirects followed per fetch; one more is an error.")
            .define(FETCH_HOST_DELAY_MS, Type.LONG, 1_000L, Range.between(0, 600_000), Importance.MEDIUM,
                    "Least time between two requests to one host (a longer robots.txt Crawl-delay wins, up to 60 s).")
            .define(FETCH_ALLOW_HOSTS, Type.LIST, "", Importance.MEDIUM,
                    "Hosts that may be fetched although they are not public (loopback, private, link-local and every"
                            + " other special-purpose address are refused otherwise): HOST (ports 80 and 443), HOST:PORT,"
                            + " HOST:* (any port); HOST a name, *.domain, an IPv4 address or [IPv6]. Checked on every"
                            + " redirect and on the address connected to.")
            .define(FETCH_PORTS, Type.LIST, "80,443", Importance.LOW,
                    "Ports fetched on public hosts (others are refused).")
            .define(FETCH_USER_AGENT, Type.STRING, "Filmwire/0.1 (editorial ingestion)", new ConfigDef.NonEmptyString(),
                    Importance.LOW, "User-Agent of fetches; its first word is the name robots.txt rules are matched against.")
            .define(RETRY_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(0, 3_600_000), Importance.MEDIUM,
                    "How long a passing failure (a fetch that times out, cannot connect, or is answered 408, 425, 429"
                            + " or 5xx; a Kafka send failing with a retriable error) is retried before the item is"
                            + " dead-lettered, from its first try (like Connect's errors.retry.timeout); a lasting one"
                            + " (4xx, robots.txt, not a page, too large, invalid JSON) goes to pages.dlq at once. 0: no retry."
                            + " For a feed item this is one of its ingest.feed.max.attempts.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 500L, Range.between(1, 600_000), Importance.LOW,
                    "The first wait before a retry; it doubles after each failure up to ingest.retry.backoff.max.ms"
                            + " (a server's Retry-After waits longer).")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, Range.between(1, 3_600_000), Importance.LOW,
                    "The longest wait between two retries of a passing failure.");

    /** The watched folders. */
    public record Watch(List<Path> dirs, Duration interval, Duration settle) {
        public Watch {
            dirs = List.copyOf(dirs);
        }
    }

    /** The polled feeds. */
    public record Feeds(List<String> urls, Duration interval, long maxBytes, int maxAttempts) {
        public Feeds {
            urls = List.copyOf(urls);
        }
    }

    /**
     * How URLs are fetched.
     *
     * @param allowHosts  entries of {@value #FETCH_ALLOW_HOSTS}: hosts fetched although not public
     * @param publicPorts ports fetched on public hosts
     */
    public record Fetch(Duration timeout, int maxRedirects, Duration hostDelay, List<String> allowHosts,
                        List<Integer> publicPorts, String userAgent) {
        public Fetch {
            allowHosts = List.copyOf(allowHosts);
            publicPorts = List.copyOf(publicPorts);
        }
    }

    /** Parsed and validated from {@code settings}; the feed state lives in {@code ./data/ingest} unless set. */
    public static IngestConfig from(Settings settings) {
        return from(settings, Path.of("data", "ingest"));
    }

    /**
     * Parsed and validated from {@code settings}.
     *
     * @param defaultStateDir where the feed state lives when {@value #STATE_DIR} is not set
     */
    public static IngestConfig from(Settings settings, Path defaultStateDir) {
        if (settings.asMap().containsKey(OLD_FETCH_ALLOW_PRIVATE)) {
            throw new ConfigException(OLD_FETCH_ALLOW_PRIVATE + " is no longer read: it let fetches reach every internal"
                    + " address and port; list the internal hosts that may be fetched in " + FETCH_ALLOW_HOSTS
                    + " (HOST, HOST:PORT or HOST:*)");
        }
        AbstractConfig c = new AbstractConfig(DEF, settings.asMap(), false);
        List<String> allowHosts = new ArrayList<>();
        for (String entry : listOf(c, FETCH_ALLOW_HOSTS)) {
            if (!entry.isBlank()) {
                allowHosts.add(entry.strip());
            }
        }
        io.filmwire.ingest.fetch.AddressPolicy.validate(allowHosts, FETCH_ALLOW_HOSTS);
        List<Integer> ports = new ArrayList<>();
        for (String port : listOf(c, FETCH_PORTS)) {
            try {
                int p = Integer.parseInt(port.strip());
                if (p < 1 || p > 65535) {
                    throw new NumberFormatException();
                }
                ports.add(p);
            } catch (NumberFormatException e) {
                throw new ConfigException(FETCH_PORTS, port, "a port is a whole number from 1 to 65535");
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (String dir : listOf(c, WATCH_DIRS)) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir.strip()));
            }
        }
        List<String> feeds = new ArrayList<>();
        for (String feed : listOf(c, FEEDS)) {
            if (feed.isBlank()) {
                continue;
            }
            if (PageIds.canonicalUrl(feed) == null) {
                throw new ConfigException(FEEDS, feed, "a feed must be an absolute http:// or https:// URL");
            }
            feeds.add(feed.strip());
        }
        String stateDir = c.getString(STATE_DIR);
        long backoff = c.getLong(RETRY_BACKOFF_MS);
        long maxBackoff = c.getLong(RETRY_BACKOFF_MAX_MS);
        if (maxBackoff < backoff) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS, maxBackoff, "must be at least " + RETRY_BACKOFF_MS + " ("
                    + backoff + ")");
        }
        RetryPolicy retry = new RetryPolicy(Duration.ofMillis(c.getLong(RETRY_TIMEOUT_MS)), Duration.ofMillis(backoff),
                Duration.ofMillis(maxBackoff));
        return new IngestConfig(KafkaSettings.from(settings), c.getLong(MAX_PAGE_BYTES), c.getInt(DELIVERY_TIMEOUT_MS),
                c.getInt(MAX_BLOCK_MS),
                new Watch(dirs, Duration.ofMillis(c.getLong(WATCH_INTERVAL_MS)), Duration.ofMillis(c.getLong(WATCH_SETTLE_MS))),
                new Feeds(feeds, Duration.ofMillis(c.getLong(FEED_INTERVAL_MS)), c.getLong(FEED_MAX_BYTES),
                        c.getInt(FEED_MAX_ATTEMPTS)),
                new Fetch(Duration.ofMillis(c.getInt(FETCH_TIMEOUT_MS)), c.getInt(FETCH_MAX_REDIRECTS),
                        Duration.ofMillis(c.getLong(FETCH_HOST_DELAY_MS)), allowHosts, ports,
                        c.getString(FETCH_USER_AGENT).strip()),
                stateDir.isBlank() ? defaultStateDir : Path.of(stateDir.strip()), retry, c.getLong(MAX_INFLIGHT_BYTES));
    }

    private static List<String> listOf(AbstractConfig c, String key) {
        List<String> values = c.getList(key);
        return values == null ? List.of() : values;
    }

    /** How long to wait for Kafka's answer to one page: the producer gives up before this. */
    public Duration ackTimeout() {
        return Duration.ofMillis((long) deliveryTimeoutMs + maxBlockMs + 5_000L);
    }
}
