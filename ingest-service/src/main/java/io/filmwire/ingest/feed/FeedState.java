package io.filmwire.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.ingest.Journal;
import io.filmwire.ingest.fetch.UrlFetcher.Validators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the feed poller must remember across restarts, kept in a {@link Journal} (JSON lines, each
 * change forced to disk before it counts): each feed's validators (ETag, Last-Modified) and version,
 * the items found but not yet taken in (pending, with their attempts), and every item taken in or
 * given up on (seen, with its version). An item is new when it is neither pending nor seen, or when
 * its version (a sitemap {@code lastmod}, an Atom {@code updated}) differs from the one seen: an
 * updated article is fetched again. The file is compacted when it holds more than twice the live
 * entries. Not thread-safe: the poller's thread owns it.
 */
public final class FeedState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedState.class);

    /** An item found in a feed and not yet taken in. */
    public record Pending(String url, String feed, String title, String version, int attempts, long notBeforeMillis,
                          String lastError) {
    }

    private record FeedMark(String etag, String lastModified, String version) {
    }

    private final Journal journal;
    private final Map<String, FeedMark> feeds = new HashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, String> seen = new HashMap<>();

    private FeedState(Journal journal) {
        this.journal = journal;
    }

    /** Opens the state in {@code file}, replaying what it holds. */
    public static FeedState open(Path file) {
        FeedState state = new FeedState(new Journal(file));
        for (JsonNode entry : state.journal.read()) {
            state.replay(entry);
        }
        LOG.info("Feed state '{}': {} items seen, {} pending, {} feeds", file, state.seen.size(), state.pending.size(),
                state.feeds.size());
        state.compactIfLarge();
        return state;
    }

    private void replay(JsonNode e) {
        String url = e.path("url").asText(null);
        if (url == null) {
            return;
        }
        switch (e.path("t").asText("")) {
            case "feed" -> feeds.put(url, new FeedMark(text(e, "etag"), text(e, "lastModified"), text(e, "version")));
            case "pending" -> pending.put(url, new Pending(url, text(e, "feed"), text(e, "title"), text(e, "version"),
                    e.path("attempts").asInt(0), e.path("notBefore").asLong(0), text(e, "error")));
            case "seen" -> {
                pending.remove(url);
                seen.put(url, Objects.requireNonNullElse(text(e, "version"), ""));
            }
            default -> LOG.warn("Feed state '{}': unknown entry {}; skipped", journal.file(), e);
        }
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The validators of the last answer of {@code feedUrl}, for a conditional GET. */
    public Validators validators(String feedUrl) {
        FeedMark mark = feeds.get(feedUrl);
        return mark == null ? Validators.NONE : new Validators(mark.etag(), mark.lastModified());
    }

    /** The version (a sitemap index's {@code lastmod}) {@code feedUrl} had when last read, or null. */
    public String feedVersion(String feedUrl) {
        FeedMark mark = feeds.get(feedUrl);
        return mark == null ? null : mark.version();
    }

    /** True when {@code feedUrl} has been read before. */
    public boolean knowsFeed(String feedUrl) {
        return feeds.containsKey(feedUrl);
    }

    /** Remembers that {@code feedUrl} was read: its new validators and version. */
    public void feedRead(String feedUrl, Validators validators, String version) {
        FeedMark mark = new FeedMark(validators.etag(), validators.lastModified(), version);
        if (mark.equals(feeds.get(feedUrl))) {
            return;
        }
        feeds.put(feedUrl, mark);
        journal.append(feedEntry(feedUrl, mark));
        compactIfLarge();
    }

    /** True when {@code item} is to be fetched: never seen, or seen with another version, and not pending. */
    public boolean isNew(FeedParser.Item item) {
        if (pending.containsKey(item.url())) {
            return false;
        }
        String version = seen.get(item.url());
        return version == null || item.version() != null && !item.version().equals(version);
    }

    /** Adds the new ones of {@code items} (found in {@code feedUrl}) to the pending items; returns how many. */
    public int found(String feedUrl, List<FeedParser.Item> items) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (FeedParser.Item item : items) {
            if (isNew(item)) {
                Pending p = new Pending(item.url(), feedUrl, item.title(), item.version(), 0, 0, null);
                pending.put(p.url(), p);
                entries.add(pendingEntry(p));
            }
        }
        journal.append(entries);
        compactIfLarge();
        return entries.size();
    }

    /** The pending items, oldest first. */
    public List<Pending> pending() {
        return List.copyOf(pending.values());
    }

    /** Number of items seen (taken in or given up on). */
    public int seenCount() {
        return seen.size();
    }

    /** Marks {@code item} as done ({@code result}: ingested, dead-lettered), so it is not fetched again. */
    public void done(Pending item, String result) {
        pending.remove(item.url());
        seen.put(item.url(), Objects.requireNonNullElse(item.version(), ""));
        Map<String, Object> e = entry("seen", item.url());
        e.put("version", item.version());
        e.put("result", result);
        journal.append(e);
        compactIfLarge();
    }

    /** Puts {@code item} back with one more attempt, not to be tried before {@code notBeforeMillis}. */
    public Pending retryLater(Pending item, long notBeforeMillis, String error, boolean countAttempt) {
        Pending next = new Pending(item.url(), item.feed(), item.title(), item.version(),
                item.attempts() + (countAttempt ? 1 : 0), notBeforeMillis, error);
        pending.put(next.url(), next);
        journal.append(pendingEntry(next));
        compactIfLarge();
        return next;
    }

    private static Map<String, Object> entry(String type, String url) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("t", type);
        e.put("url", url);
        return e;
    }

    private static Map<String, Object> feedEntry(String url, FeedMark mark) {
        Map<String, Object> e = entry("feed", url);
        e.put("etag", mark.etag());
        e.put("lastModified", mark.lastModified());
        e.put("version", mark.version());
        return e;
    }

    private static Map<String, Object> pendingEntry(Pending p) {
        Map<String, Object> e = entry("pending", p.url());
        e.put("feed", p.feed());
        e.put("title", p.title());
        e.put("version", p.version());
        e.put("attempts", p.attempts());
        e.put("notBefore", p.notBeforeMillis());
        e.put("error", p.lastError());
        return e;
    }

    private void compactIfLarge() {
        long live = feeds.size() + pending.size() + seen.size();
        if (journal.lines() <= 2 * live + 1_000) {
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        feeds.forEach((url, mark) -> entries.add(feedEntry(url, mark)));
        seen.forEach((url, version) -> {
            Map<String, Object> e = entry("seen", url);
            e.put("version", version.isEmpty() ? null : version);
            entries.add(e);
        });
        pending.values().forEach(p -> entries.add(pendingEntry(p)));
        long before = journal.lines();
        journal.rewrite(entries);
        LOG.debug("Feed state '{}' compacted from {} to {} lines", journal.file(), before, entries.size());
    }

    @Override
    public void close() {
        journal.close();
    }
}
