package io.filmwire.enrich.streams;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.StreamsRecovery;
import io.filmwire.enrich.dedup.Deduplicator;
import io.filmwire.enrich.reconcile.Reconciler;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of enrich-streams, validated at start-up.
 *
 * @param applicationId     Kafka Streams application id (consumer group, prefix of internal topics)
 * @param stateDir          where the state stores live
 * @param threads           stream threads
 * @param maxPageChars      pages longer than this go to pages.dlq instead of being cleaned
 * @param dedupRetention    how long deduplication remembers a page
 * @param dedupSimilarity   similarity from which a page is a near-duplicate of another
 * @param maxMentionsPerFilm mentions a film keeps at most
 * @param siteProfileRetention how long a site's profile is kept after its last page
 * @param recovery          static membership, session and transaction timeouts, standby replicas
 */
public record EnrichConfig(KafkaSettings kafka, String applicationId, Path stateDir, int threads, int maxPageChars,
                           Duration dedupRetention, double dedupSimilarity, int maxMentionsPerFilm,
                           Duration siteProfileRetention, StreamsRecovery recovery) {

    /** A configuration with the default recovery settings. */
    public EnrichConfig(KafkaSettings kafka, String applicationId, Path stateDir, int threads, int maxPageChars,
                        Duration dedupRetention, double dedupSimilarity, int maxMentionsPerFilm,
                        Duration siteProfileRetention) {
        this(kafka, applicationId, stateDir, threads, maxPageChars, dedupRetention, dedupSimilarity, maxMentionsPerFilm,
                siteProfileRetention, StreamsRecovery.defaults());
    }

    /** A configuration with the default site-profile retention. */
    public EnrichConfig(KafkaSettings kafka, String applicationId, Path stateDir, int threads, int maxPageChars,
                        Duration dedupRetention, double dedupSimilarity, int maxMentionsPerFilm) {
        this(kafka, applicationId, stateDir, threads, maxPageChars, dedupRetention, dedupSimilarity, maxMentionsPerFilm,
                Duration.ofDays(90));
    }

    public static final String APPLICATION_ID = "enrich.application.id";
    public static final String STATE_DIR = "enrich.state.dir";
    public static final String THREADS = "enrich.threads";
    public static final String MAX_PAGE_CHARS = "enrich.max.page.chars";
    public static final String DEDUP_RETENTION_MS = "enrich.dedup.retention.ms";
    public static final String DEDUP_SIMILARITY = "enrich.dedup.similarity";
    public static final String MAX_MENTIONS_PER_FILM = "enrich.reconcile.max.mentions.per.film";
    public static final String SITE_PROFILE_RETENTION_MS = "enrich.site.profile.retention.ms";

    /** Prefix of the recovery settings ({@link StreamsRecovery}). */
    public static final String RECOVERY_PREFIX = "enrich.";

    public static final ConfigDef DEF = StreamsRecovery.define(new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "filmwire-enrich", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Kafka Streams application id of enrich-streams.")
            .define(STATE_DIR, Type.STRING, "", Importance.MEDIUM,
                    "State store directory of enrich-streams (default: <data.dir>/streams).")
            .define(THREADS, Type.INT, 2, Range.between(1, 64), Importance.MEDIUM,
                    "Stream threads of enrich-streams (pages are analysed on as many at once, up to the partitions of pages.raw).")
            .define(MAX_PAGE_CHARS, Type.INT, 12 * 1024 * 1024, Range.atLeast(1024), Importance.LOW,
                    "Pages longer than this many characters are sent to pages.dlq (stage clean) instead of being parsed.")
            .define(DEDUP_RETENTION_MS, Type.LONG, Duration.ofDays(14).toMillis(),
                    Range.between(Duration.ofMinutes(1).toMillis(), Duration.ofDays(3650).toMillis()), Importance.MEDIUM,
                    "How long deduplication remembers a page (ms): a copy arriving later than this is not recognised.")
            .define(DEDUP_SIMILARITY, Type.DOUBLE, Deduplicator.DEFAULT_THRESHOLD, Range.between(0.3, 1.0), Importance.LOW,
                    "Estimated share of text shingles two articles must have in common for the later to be a near-duplicate (0.3-1).")
            .define(MAX_MENTIONS_PER_FILM, Type.INT, Reconciler.DEFAULT_MAX_MENTIONS, Range.between(2, 10_000), Importance.LOW,
                    "Mentions (page works) a film keeps at most; past that the least informative is dropped.")
            .define(SITE_PROFILE_RETENTION_MS, Type.LONG, Duration.ofDays(90).toMillis(),
                    Range.between(Duration.ofHours(1).toMillis(), Duration.ofDays(3650).toMillis()), Importance.LOW,
                    "How long a site's profile (its title affixes and template blocks, learnt from its pages) is kept after its last page (ms)."), RECOVERY_PREFIX, "enrich-streams");

    /** Parsed from settings; {@code defaultStateDir} when none is set. */
    public static EnrichConfig from(Settings settings, Path defaultStateDir) {
        AbstractConfig c = new AbstractConfig(DEF, settings.asMap(), false);
        String dir = c.getString(STATE_DIR);
        return new EnrichConfig(KafkaSettings.from(settings), c.getString(APPLICATION_ID),
                dir.isBlank() ? defaultStateDir : Path.of(dir), c.getInt(THREADS), c.getInt(MAX_PAGE_CHARS),
                Duration.ofMillis(c.getLong(DEDUP_RETENTION_MS)), c.getDouble(DEDUP_SIMILARITY),
                c.getInt(MAX_MENTIONS_PER_FILM), Duration.ofMillis(c.getLong(SITE_PROFILE_RETENTION_MS)),
                StreamsRecovery.from(c, RECOVERY_PREFIX));
    }
}
