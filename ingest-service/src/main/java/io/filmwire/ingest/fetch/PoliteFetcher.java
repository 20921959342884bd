package io.filmwire.ingest.fetch;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.PageFactory;
import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetching the way a good crawler does: the site's robots.txt is read first (cached a day per
 * origin) and obeyed, requests to one host are spaced by the per-host delay, and the
 * {@link UrlFetcher} limits apply (time, size, redirects, the address policy). robots.txt answered
 * with 4xx (or unusable) allows everything; one that cannot be read for a passing reason (5xx,
 * timeout) stops fetches from that site until it can be read (RFC 9309). Redirect targets are
 * not checked against their own robots.txt. Thread-safe; callers wait on the per-host delay.
 */
public final class PoliteFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);
    private static final long ROBOTS_MAX_BYTES = 512 * 1024;
    private static final Duration ROBOTS_TTL = Duration.ofHours(24);
    private static final int ROBOTS_CACHED = 1_000;
    /** Bytes of robots.txt files the cache holds at most (their parsed rules are of the same order). */
    static final long ROBOTS_CACHE_BYTES = 8L * 1024 * 1024;

    private final UrlFetcher fetcher;
    private final HostThrottle throttle;
    private final String agent;
    /** Least recently used first; at most {@link #ROBOTS_CACHED} origins and {@link #robotsBudget} bytes. */
    private final Map<String, CachedRobots> robots = new LinkedHashMap<>(64, 0.75f, true);
    private final long robotsBudget;
    private long robotsBytes;

    private record CachedRobots(RobotsTxt rules, long expiresNanos, long bytes) {
    }

    public PoliteFetcher(IngestConfig.Fetch config) {
        this(config, ROBOTS_CACHE_BYTES);
    }

    /** A fetcher whose robots.txt cache holds at most {@code robotsBudget} bytes of files. */
    PoliteFetcher(IngestConfig.Fetch config, long robotsBudget) {
        this.robotsBudget = robotsBudget;
        this.fetcher = new UrlFetcher(config);
        this.throttle = new HostThrottle(config.hostDelay());
        this.agent = config.userAgent().split("[/\\s]", 2)[0];
    }

    /** The name robots.txt rules are matched against: the first word of the User-Agent. */
    public String agent() {
        return agent;
    }

    /** How long until {@code url}'s host may be asked again (zero when now). */
    public Duration waitFor(URI url) {
        return url.getHost() == null ? Duration.ZERO : throttle.waitFor(url.getHost());
    }

    /**
     * Fetches {@code url} once robots.txt allows it and the host's delay has passed.
     *
     * @throws FetchException permanent when robots.txt disallows it, else as {@link UrlFetcher#get}
     */
    public UrlFetcher.Response fetch(URI url, long maxBytes, String accept, UrlFetcher.Validators validators)
            throws FetchException, InterruptedException {
        if (url.getHost() == null) {
            throw FetchException.permanent("'" + url + "' is not an absolute http:// or https:// URL");
        }
        RobotsTxt rules = robotsOf(url);
        if (!rules.allows(url)) {
            throw FetchException.permanent("robots.txt of '" + url.getHost() + "' disallows '" + url.getRawPath()
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()) + "' for " + agent);
        }
        throttle.acquire(url.getHost());
        return fetcher.get(url, maxBytes, accept, validators);
    }

    /**
     * Fetches the page at {@code url} (its canonical form: no fragment, no tracking parameters) as a
     * raw page, its id the canonical URL it was found at after redirects.
     *
     * @param source the page's source ({@code fetch}, {@code feed:<url>})
     * @param title  a title given with the link (a feed item's), or null
     * @throws FetchException when it cannot be fetched or is not a page (binary, not HTML or text)
     */
    public RawPage fetchPage(String url, String source, String title, long maxBytes)
            throws FetchException, InterruptedException {
        URI uri = toUri(url);
        UrlFetcher.Response response = fetch(uri, maxBytes, UrlFetcher.ACCEPT_PAGES, UrlFetcher.Validators.NONE);
        String type = response.mediaType();
        boolean html = type != null && type.contains("html");
        if (type != null && !type.startsWith("text/") && !html && !type.equals("application/xml")) {
            throw FetchException.permanent("'" + response.url() + "' is " + type + ", not a page (HTML or text)");
        }
        if (response.body().length == 0) {
            throw FetchException.permanent("'" + response.url() + "' answered with an empty body");
        }
        Instant now = Instant.now();
        try {
            return PageFactory.fromBytes(response.body(), html ? RawPage.HTML : "text/plain".equals(type) ? RawPage.TEXT : null,
                    response.charset(), response.url().toString(), source, now, now, title);
        } catch (PageFactory.UnsupportedContentException e) {
            throw FetchException.permanent("'" + response.url() + "': " + e.getMessage());
        }
    }

    /**
     * {@code url} as a URI in canonical form.
     *
     * @throws FetchException permanent when it is not an absolute http(s) URL
     */
    public static URI toUri(String url) throws FetchException {
        String canonical = url == null ? null : PageIds.canonicalUrl(url);
        if (canonical == null) {
            throw FetchException.permanent("'" + url + "' is not an absolute http:// or https:// URL");
        }
        try {
            return new URI(canonical);
        } catch (URISyntaxException e) {
            throw FetchException.permanent("'" + url + "' is not a valid URL: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }

    private RobotsTxt robotsOf(URI url) throws FetchException, InterruptedException {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT);
        synchronized (robots) {
            CachedRobots cached = robots.get(origin);
            if (cached != null && cached.expiresNanos() - System.nanoTime() > 0) {
                return cached.rules();
            }
        }
        URI robotsUrl = URI.create(origin + "/robots.txt");
        RobotsTxt rules;
        long bytes = 0;
        try {
            throttle.acquire(url.getHost());
            UrlFetcher.Response response = fetcher.get(robotsUrl, ROBOTS_MAX_BYTES, "text/plain, */*;q=0.1",
                    UrlFetcher.Validators.NONE);
            rules = RobotsTxt.parse(robotsUrl.toString(), response.body(), agent);
            bytes = response.body().length;
        } catch (FetchException e) {
            if (e.isTransient()) {
                throw FetchException.transientFailure("robots.txt of '" + url.getHost() + "' could not be read ("
                        + e.getMessage() + "); the site is not fetched until it can be", e.retryAfter(), e);
            }
            LOG.debug("No usable robots.txt at '{}' ({}); everything allowed", robotsUrl, e.getMessage());
            rules = RobotsTxt.ALLOW_ALL;
        }
        throttle.crawlDelay(url.getHost(), rules.crawlDelay());
        remember(origin, new CachedRobots(rules, System.nanoTime() + ROBOTS_TTL.toNanos(), 256 + bytes));
        return rules;
    }

    /** Caches {@code rules} of {@code origin}, dropping the least recently used past the count or byte bound. */
    private void remember(String origin, CachedRobots rules) {
        synchronized (robots) {
            CachedRobots old = robots.put(origin, rules);
            robotsBytes += rules.bytes() - (old == null ? 0 : old.bytes());
            var eldest = robots.entrySet().iterator();
            while ((robots.size() > ROBOTS_CACHED || robotsBytes > robotsBudget) && robots.size() > 1) {
                robotsBytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
        }
    }

    /** Origins whose robots.txt is cached (for tests). */
    int robotsCached() {
        synchronized (robots) {
            return robots.size();
        }
    }
}
