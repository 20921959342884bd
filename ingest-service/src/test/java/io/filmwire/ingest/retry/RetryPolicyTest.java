package io.filmwire.ingest.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.Settings;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.TestSite;
import io.filmwire.ingest.fetch.FetchException;
import io.filmwire.ingest.fetch.FetchRequests;
import io.filmwire.ingest.fetch.PoliteFetcher;
import io.filmwire.schema.RawPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Retries of passing failures with backoff, against a real HTTP server on loopback that fails N times. */
class RetryPolicyTest {

    private static final long MB = 1024 * 1024;
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMillis(100),
            Duration.ofMillis(400));

    @AutoClose
    private final TestSite site = TestSite.start();
    @AutoClose
    private final PoliteFetcher fetcher = new PoliteFetcher(new IngestConfig.Fetch(Duration.ofSeconds(5), 3, Duration.ZERO,
            List.of("127.0.0.1:*"), List.of(80, 443), "Filmwire/0.1 (test)"));

    /** Answers {@code status} the first {@code failures} times, then a page. */
    private AtomicInteger failing(String path, int failures, int status) {
        AtomicInteger calls = new AtomicInteger();
        site.handle(path, ex -> {
            if (calls.incrementAndGet() <= failures) {
                TestSite.send(ex, status, "text/plain", "not now");
            } else {
                TestSite.send(ex, 200, "text/html", "<html><body><h1>Back</h1></body></html>");
            }
        });
        return calls;
    }

    private RetryPolicy.Outcome<RawPage, FetchException> fetch(RetryPolicy policy, String path) throws Exception {
        return policy.run(() -> fetcher.fetchPage(site.url(path), "fetch", null, MB), FetchRequests::retryAfter,
                RetryPolicy.Sleeper.THREAD);
    }

    @Test
    void passingFailuresAreRetriedWithGrowingWaitsUntilTheySucceed() throws Exception {
        site.page("/robots.txt", "text/plain", "");
        AtomicInteger calls = failing("/film", 3, 503);
        long start = System.nanoTime();

        RetryPolicy.Outcome<RawPage, FetchException> outcome = fetch(POLICY, "/film");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.result().body()).contains("Back");
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(calls.get()).isEqualTo(4);
        List<TestSite.Request> requests = site.requests("/film");
        // waits of 100, 200 and 400 ms between the four tries
        for (int i = 1; i < requests.size(); i++) {
            long gap = Duration.ofNanos(requests.get(i).nanos() - requests.get(i - 1).nanos()).toMillis();
            assertThat(gap).as("wait before try %d", i + 1).isGreaterThanOrEqualTo(POLICY.delay(i).toMillis() - 5);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(690));
    }

    @Test
    void tooManyRequestsIsPassingAndAServersRetryAfterIsHonoured() throws Exception {
        site.page("/robots.txt", "text/plain", "");
        AtomicInteger calls = new AtomicInteger();
        site.handle("/busy", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                TestSite.send(ex, 429, "text/plain", "slow down");
            } else {
                TestSite.send(ex, 200, "text/html", "<html><body>ok</body></html>");
            }
        });
        RetryPolicy.Outcome<RawPage, FetchException> outcome = fetch(POLICY, "/busy");
        assertThat(outcome.succeeded()).isTrue();
        List<TestSite.Request> requests = site.requests("/busy");
        assertThat(Duration.ofNanos(requests.get(1).nanos() - requests.get(0).nanos()))
                .as("the server asked for a second").isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void lastingFailuresAreNotRetried() throws Exception {
        site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        AtomicInteger gone = failing("/gone", 1, 404);

        RetryPolicy.Outcome<RawPage, FetchException> notFound = fetch(POLICY, "/gone");
        assertThat(notFound.succeeded()).isFalse();
        assertThat(notFound.passing()).isFalse();
        assertThat(notFound.attempts()).isEqualTo(1);
        assertThat(gone.get()).isEqualTo(1);
        assertThat(notFound.failure()).hasMessageContaining("HTTP 404");

        RetryPolicy.Outcome<RawPage, FetchException> forbidden = fetch(POLICY, "/private/x");
        assertThat(forbidden.attempts()).isEqualTo(1);
        assertThat(forbidden.failure()).hasMessageContaining("robots.txt");
    }

    @Test
    void aFailureThatLastsPastTheTimeoutEndsAsPassingWithinIt() throws Exception {
        site.page("/robots.txt", "text/plain", "");
        failing("/down", Integer.MAX_VALUE, 500);
        RetryPolicy shortOne = new RetryPolicy(Duration.ofMillis(1_000), Duration.ofMillis(100), Duration.ofMillis(200));
        long start = System.nanoTime();

        RetryPolicy.Outcome<RawPage, FetchException> outcome = fetch(shortOne, "/down");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.passing()).isTrue();
        // tries at 0, 100, 300, 500, 700, 900 ms: the next wait would end past the second
        assertThat(outcome.attempts()).isBetween(4, 6);
        assertThat(took).isLessThan(Duration.ofMillis(1_500));
        assertThat(outcome.failure()).hasMessageContaining("HTTP 500");

        RetryPolicy.Outcome<RawPage, FetchException> once = fetch(RetryPolicy.NONE, "/down");
        assertThat(once.attempts()).as("timeout 0: no retry").isEqualTo(1);
        assertThat(once.passing()).isTrue();
    }

    @Test
    void retriableKafkaSendErrorsAreRetriedAndOthersNot() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        RetryPolicy.Outcome<String, java.util.concurrent.ExecutionException> sent = POLICY.run(() -> {
            if (sends.incrementAndGet() <= 2) {
                throw new java.util.concurrent.ExecutionException(
                        new org.apache.kafka.common.errors.NotEnoughReplicasException("one replica is away"));
            }
            return "acknowledged";
        }, FetchRequests::kafkaRetryAfter, RetryPolicy.Sleeper.THREAD);
        assertThat(sent.result()).isEqualTo("acknowledged");
        assertThat(sent.attempts()).isEqualTo(3);

        AtomicInteger refused = new AtomicInteger();
        RetryPolicy.Outcome<String, java.util.concurrent.ExecutionException> tooLarge = POLICY.run(() -> {
            refused.incrementAndGet();
            throw new java.util.concurrent.ExecutionException(
                    new org.apache.kafka.common.errors.RecordTooLargeException("over message.max.bytes"));
        }, FetchRequests::kafkaRetryAfter, RetryPolicy.Sleeper.THREAD);
        assertThat(tooLarge.succeeded()).isFalse();
        assertThat(tooLarge.passing()).isFalse();
        assertThat(refused.get()).as("a lasting refusal is not sent again").isEqualTo(1);
    }

    @Test
    void theSettingsAreReadAndChecked() {
        IngestConfig defaults = IngestConfig.from(Settings.of(Map.of()));
        assertThat(defaults.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofSeconds(10)));
        IngestConfig set = IngestConfig.from(Settings.of(Map.of(IngestConfig.RETRY_TIMEOUT_MS, "0",
                IngestConfig.RETRY_BACKOFF_MS, "50", IngestConfig.RETRY_BACKOFF_MAX_MS, "50")));
        assertThat(set.retry().timeout()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of(
                IngestConfig.RETRY_BACKOFF_MS, "500", IngestConfig.RETRY_BACKOFF_MAX_MS, "100"))))
                .hasMessageContaining(IngestConfig.RETRY_BACKOFF_MAX_MS);
    }
}
