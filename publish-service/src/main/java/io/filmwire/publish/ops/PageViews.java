package io.filmwire.publish.ops;

import io.filmwire.common.KafkaSettings;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console's page view shows of a page beyond its films: its cleaned article and what
 * deduplication decided about it. Both come from topics that already carry them, read by one
 * background consumer (no consumer group, committed transactions only, from the start):
 * <ul>
 *   <li>pages.clean (page id -> clean page): only where each page's latest version is (partition and
 *       offset) is kept in memory; the article is read from there when asked for, so memory does not
 *       grow with the texts;</li>
 *   <li>enrich-streams' changelog of its {@code dedup-pages} store (any topic named
 *       {@code *-dedup-pages-changelog}; the value is the page's signature as deduplication remembered
 *       it): of each page only whether it was kept or judged a copy, of which page, and its text
 *       fingerprint (an equal one means the same folded text: an exact copy).</li>
 * </ul>
 * Both maps ({@link PageIndex}) keep the last {@link #KEPT_PAGES} pages seen (the oldest forgotten first). The verdicts
 * are deduplication's own, read as its store recorded them, not judged again here; they follow the
 * store's layout, which is enrich-streams' internal business: a signature this view cannot read is
 * skipped. Thread-safe.
 */
public final class PageViews implements AutoCloseable {

    /** Pages remembered in each map, at most. */
    public static final int KEPT_PAGES = 20_000;
    /** Characters of an article a view returns, at most. */
    public static final int TEXT_CHARS = 20_000;
    static final String DEDUP_CHANGELOG_SUFFIX = "-dedup-pages-changelog";

    private static final Logger LOG = LoggerFactory.getLogger(PageViews.class);
    private static final Duration LOOK_FOR_TOPICS = Duration.ofSeconds(10);

    /** A cleaned article, its text cut at {@link #TEXT_CHARS}, and the length of its whole text. */
    public record Article(CleanPage page, int textChars) {
    }

    private final PageIndex index = new PageIndex(KEPT_PAGES);
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaConsumer<String, byte[]> fetcher;
    private final Admin admin;
    private final Thread thread;
    private volatile boolean running = true;

    public PageViews(KafkaSettings kafka) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "filmwire-ops-pages");
        consumer = new KafkaConsumer<>(kafka.clientProperties(props), new StringDeserializer(), new ByteArrayDeserializer());
        fetcher = new KafkaConsumer<>(kafka.clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.CLIENT_ID_CONFIG, "filmwire-ops-page-text")), new StringDeserializer(), new ByteArrayDeserializer());
        admin = Admin.create(kafka.clientProperties(Map.of()));
        thread = new Thread(this::run, "ops-page-views");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            Set<String> topics = new HashSet<>();
            long lookAgain = 0;
            while (running) {
                if (System.nanoTime() >= lookAgain) {
                    lookAgain = System.nanoTime() + LOOK_FOR_TOPICS.toNanos();
                    if (topics.addAll(topicsToRead())) {
                        assign(topics);
                    }
                }
                if (consumer.assignment().isEmpty()) {
                    Thread.sleep(500);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    add(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("The page views of the console stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** pages.clean and every dedup changelog, as far as they exist yet. */
    private Set<String> topicsToRead() {
        Set<String> out = new HashSet<>();
        try {
            for (String name : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                if (name.equals(Topics.PAGES_CLEAN.name()) || name.endsWith(DEDUP_CHANGELOG_SUFFIX)) {
                    out.add(name);
                }
            }
        } catch (Exception e) {
            LOG.debug("Topics of the page views not listed: {}", e.toString());
        }
        return out;
    }

    /** Reads the topics from their start; partitions already read go on where they were. */
    private void assign(Set<String> topics) {
        Set<TopicPartition> had = consumer.assignment();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        for (TopicPartition tp : had) {
            positions.put(tp, consumer.position(tp));
        }
        consumer.assign(partitions);
        List<TopicPartition> fresh = partitions.stream().filter(tp -> !positions.containsKey(tp)).toList();
        consumer.seekToBeginning(fresh);
        positions.forEach(consumer::seek);
    }

    private void add(ConsumerRecord<String, byte[]> r) {
        if (r.topic().equals(Topics.PAGES_CLEAN.name())) {
            if (r.key() != null && r.value() != null) {
                index.cleanAt(r.key(), r.partition(), r.offset());
            }
        } else if (r.value() != null && !index.signature(r.value())) {
            LOG.debug("Unreadable page signature on {} at {}-{}", r.topic(), r.partition(), r.offset());
        }
    }

    /** See {@link PageIndex#verdict}. */
    public Map<String, Object> verdict(String pageId) {
        return index.verdict(pageId);
    }

    /** See {@link PageIndex#keptPages}. */
    public List<String> keptPages() {
        return index.keptPages();
    }

    /**
     * The page's latest cleaned article, its text cut at {@link #TEXT_CHARS}, read from pages.clean;
     * null when this view has not seen it or the topic no longer holds it (retention).
     */
    public Article cleanPage(String pageId) {
        PageIndex.At at = index.cleanAt(pageId);
        if (at == null) {
            return null;
        }
        TopicPartition tp = new TopicPartition(Topics.PAGES_CLEAN.name(), at.partition());
        synchronized (fetcher) {
            fetcher.assign(List.of(tp));
            fetcher.seek(tp, at.offset());
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> r : fetcher.poll(Duration.ofMillis(300))) {
                    if (r.offset() >= at.offset()) {
                        if (r.offset() != at.offset() || r.value() == null) {
                            return null;
                        }
                        CleanPage page = Topics.PAGES_CLEAN.valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
                        return page == null ? null : new Article(trimmed(page), page.text() == null ? 0 : page.text().length());
                    }
                }
                if (fetcher.position(tp) > at.offset()) {
                    return null;
                }
            }
        }
        return null;
    }

    private static CleanPage trimmed(CleanPage p) {
        if (p.text() == null || p.text().length() <= TEXT_CHARS) {
            return p;
        }
        return new CleanPage(p.pageId(), p.url(), p.site(), p.title(), p.author(), p.publishedDate(), p.language(),
                p.text().substring(0, TEXT_CHARS), List.of());
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (fetcher) {
            fetcher.close(Duration.ofSeconds(2));
        }
        admin.close(Duration.ofSeconds(2));
    }
}
