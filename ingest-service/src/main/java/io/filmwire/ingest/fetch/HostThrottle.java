package io.filmwire.ingest.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-host delay: a request to a host waits until at least the delay has passed since the
 * previous one to that host began (a longer robots.txt {@code Crawl-delay}, capped at
 * {@link #MAX_CRAWL_DELAY}, replaces the delay for its host). Hosts are independent. Thread-safe.
 */
public final class HostThrottle {

    /** The longest robots.txt Crawl-delay honoured. */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    private static final int PRUNE_ABOVE = 10_000;

    private final long delayNanos;
    private final Map<String, Long> nextAllowed = new HashMap<>();
    private final Map<String, Long> crawlDelays = new HashMap<>();

    public HostThrottle(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Waits until {@code host} may be asked, then books the slot. */
    public void acquire(String host) throws InterruptedException {
        String key = host.toLowerCase(Locale.ROOT);
        while (true) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                Long at = nextAllowed.get(key);
                if (at == null || at - now <= 0) {
                    prune(now);
                    nextAllowed.put(key, now + delayOf(key));
                    return;
                }
                wait = at - now;
            }
            Thread.sleep(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
        }
    }

    /** How long until {@code host} may be asked (zero when it may now). */
    public synchronized Duration waitFor(String host) {
        Long at = nextAllowed.get(host.toLowerCase(Locale.ROOT));
        long wait = at == null ? 0 : at - System.nanoTime();
        return wait <= 0 ? Duration.ZERO : Duration.ofNanos(wait);
    }

    /** Uses {@code crawlDelay} for {@code host} when it is longer than the delay (capped); null clears it. */
    public synchronized void crawlDelay(String host, Duration crawlDelay) {
        String key = host.toLowerCase(Locale.ROOT);
        if (crawlDelay == null) {
            crawlDelays.remove(key);
        } else {
            long nanos = Math.min(crawlDelay.toNanos(), MAX_CRAWL_DELAY.toNanos());
            crawlDelays.put(key, nanos);
        }
    }

    private long delayOf(String key) {
        return Math.max(delayNanos, crawlDelays.getOrDefault(key, 0L));
    }

    private void prune(long now) {
        if (nextAllowed.size() > PRUNE_ABOVE) {
            nextAllowed.values().removeIf(at -> at - now <= 0);
        }
    }
}
