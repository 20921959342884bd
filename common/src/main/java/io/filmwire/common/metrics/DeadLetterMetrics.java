package io.filmwire.common.metrics;

import io.filmwire.schema.DlqEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one family of dead-letter counters, {@code filmwire_dead_letters_total{stage, reason}}, fed
 * by every service that writes to pages.dlq. The reason label is the entry's stable code
 * ({@link DlqEntry.Reason}: {@code not-json}, {@code too-large}, ...); an entry without one (written
 * before codes existed) gets a code from its reason text, in {@link #reasonCode}.
 */
public final class DeadLetterMetrics {

    /** The counter's name (Prometheus: {@code filmwire_dead_letters_total}). */
    public static final String NAME = "filmwire.dead.letters";
    /** The code of a reason no rule below knows. */
    public static final String OTHER = "other";

    /** Reason-text beginnings (lower case) and their codes, tried in order. */
    private static final List<Map.Entry<String, String>> RULES = List.of(
            Map.entry("empty message", "empty"),
            Map.entry("not json", "not-json"),
            Map.entry("not a json object", "not-json"),
            Map.entry("not valid film overrides json", "not-json"),
            Map.entry("not a valid raw page", "invalid"),
            Map.entry("not valid film overrides", "invalid"),
            Map.entry("film record violates", "invalid"),
            Map.entry("page too large", "too-large"),
            Map.entry("cannot clean", "processing-failed"),
            Map.entry("cannot extract", "processing-failed"),
            Map.entry("cannot apply", "processing-failed"),
            Map.entry("cannot read", "unreadable"),
            Map.entry("a film record without a key", "no-key"),
            Map.entry("an override message needs a key", "no-key"),
            Map.entry("key '", "key-mismatch"),
            Map.entry("feed item not taken in", "not-taken-in"));

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts {@code entry}, by its stage and reason code. */
    public void count(DlqEntry entry) {
        counter(entry.stage(), reasonCode(entry)).increment();
    }

    /** Registers the counter of {@code stage} with the reason {@value #OTHER} at zero, so that rates start at 0. */
    public void register(DlqEntry.Stage stage) {
        counter(stage.id(), OTHER);
    }

    private Counter counter(String stage, String reason) {
        return Counter.builder(NAME).tag("stage", stage == null ? "unknown" : stage).tag("reason", reason)
                .description("Inputs sent to pages.dlq, by stage and reason").register(registry);
    }

    /** The short code of why {@code entry} was dead-lettered: one of a few values, {@value #OTHER} when unknown. */
    public static String reasonCode(DlqEntry entry) {
        if (entry.code() != null && !entry.code().isBlank()) {
            return entry.code();
        }
        String reason = entry.reason() == null ? "" : entry.reason().strip().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> rule : RULES) {
            if (reason.startsWith(rule.getKey())) {
                return rule.getValue();
            }
        }
        return OTHER;
    }
}
