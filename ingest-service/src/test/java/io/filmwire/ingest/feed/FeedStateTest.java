package io.filmwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.ingest.feed.FeedParser.Item;
import io.filmwire.ingest.fetch.UrlFetcher.Validators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStateTest {

    private static final String FEED = "https://news.example/rss";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("state").resolve("feeds.jsonl");
    }

    @Test
    void itemsFoundPendingAndSeenSurviveARestart() {
        Item a = new Item("https://news.example/a", "A", null);
        Item b = new Item("https://news.example/b", "B", "2026-11-01");
        try (FeedState state = FeedState.open(file())) {
            assertThat(state.found(FEED, List.of(a, b))).isEqualTo(2);
            assertThat(state.found(FEED, List.of(a, b))).as("pending items are not found twice").isZero();
            state.done(state.pending().get(0), "ingested");
            state.feedRead(FEED, new Validators("\"e1\"", "Sat, 21 Nov 2026 10:00:00 GMT"), null);
        }
        try (FeedState state = FeedState.open(file())) {
            assertThat(state.pending()).extracting(FeedState.Pending::url).containsExactly(b.url());
            assertThat(state.pending().get(0).title()).isEqualTo("B");
            assertThat(state.isNew(a)).isFalse();
            assertThat(state.seenCount()).isEqualTo(1);
            assertThat(state.validators(FEED)).isEqualTo(new Validators("\"e1\"", "Sat, 21 Nov 2026 10:00:00 GMT"));
        }
    }

    @Test
    void aNewVersionOfASeenItemIsNewAgain() {
        try (FeedState state = FeedState.open(file())) {
            state.found(FEED, List.of(new Item("https://news.example/a", null, "2026-11-01")));
            state.done(state.pending().get(0), "ingested");
            assertThat(state.isNew(new Item("https://news.example/a", null, "2026-11-01"))).isFalse();
            assertThat(state.isNew(new Item("https://news.example/a", null, null))).isFalse();
            assertThat(state.isNew(new Item("https://news.example/a", null, "2026-11-21"))).isTrue();
        }
    }

    @Test
    void retriesCountAttemptsAndKeepTheTimeToWaitFor() {
        try (FeedState state = FeedState.open(file())) {
            state.found(FEED, List.of(new Item("https://news.example/a", null, null)));
            state.retryLater(state.pending().get(0), 12345L, "HTTP 503", true);
        }
        try (FeedState state = FeedState.open(file())) {
            FeedState.Pending p = state.pending().get(0);
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.notBeforeMillis()).isEqualTo(12345L);
            assertThat(p.lastError()).isEqualTo("HTTP 503");
        }
    }

    @Test
    void aLineCutByACrashIsSkippedAndTheRestKept() throws Exception {
        try (FeedState state = FeedState.open(file())) {
            state.found(FEED, List.of(new Item("https://news.example/a", null, null)));
        }
        Files.writeString(file(), "{\"t\":\"seen\",\"url\":\"https://news.exa", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (FeedState state = FeedState.open(file())) {
            assertThat(state.pending()).hasSize(1);
            state.done(state.pending().get(0), "ingested");
        }
        try (FeedState state = FeedState.open(file())) {
            assertThat(state.pending()).isEmpty();
            assertThat(state.seenCount()).isEqualTo(1);
        }
    }

    @Test
    void theFileIsCompactedWhenMostOfItIsHistory() throws Exception {
        try (FeedState state = FeedState.open(file())) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                items.add(new Item("https://news.example/" + i, null, null));
            }
            state.found(FEED, items);
            for (FeedState.Pending p : state.pending()) {
                for (int attempt = 0; attempt < 4; attempt++) {
                    p = state.retryLater(p, 0, "flaky", true);
                }
                state.done(p, "ingested");
            }
        }
        // 1,800 changes were written; the file never holds more than twice the live entries plus 1,000
        long lines = Files.readAllLines(file()).size();
        assertThat(lines).isLessThanOrEqualTo(2 * 300 + 1_000).isGreaterThanOrEqualTo(300);
        try (FeedState state = FeedState.open(file())) {
            assertThat(state.seenCount()).isEqualTo(300);
            assertThat(state.pending()).isEmpty();
        }
    }
}
