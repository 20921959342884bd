package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void gzipIsUsedOnlyWhenTheClientAcceptsIt() {
        assertThat(MetricsEndpoint.acceptsGzip("gzip")).isTrue();
        assertThat(MetricsEndpoint.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
        assertThat(MetricsEndpoint.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(MetricsEndpoint.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(MetricsEndpoint.acceptsGzip("identity")).isFalse();
        assertThat(MetricsEndpoint.acceptsGzip("x-gzip2")).isFalse();
        assertThat(MetricsEndpoint.acceptsGzip(null)).isFalse();
    }

    @Test
    void aTopicIsOneSeriesNotItsUnderscoredTwinAsWell() {
        try (MetricsEndpoint metrics = new MetricsEndpoint()) {
            Counter.builder("kafka.consumer.fetch.manager.records.consumed").tag("topic", "pages.raw").register(metrics.registry())
                    .increment();
            Counter.builder("kafka.consumer.fetch.manager.records.consumed").tag("topic", "pages_raw").register(metrics.registry())
                    .increment();
            Counter.builder("kafka.consumer.fetch.manager.records.consumed").tag("topic", "other_topic")
                    .register(metrics.registry()).increment();
            String scrape = metrics.registry().scrape();
            assertThat(scrape).contains("topic=\"pages.raw\"").contains("topic=\"other_topic\"")
                    .doesNotContain("topic=\"pages_raw\"");
        }
    }

    @Test
    void processGcUptimeAndFileDescriptorMetricsAreBound() {
        try (MetricsEndpoint metrics = new MetricsEndpoint()) {
            String scrape = metrics.registry().scrape();
            assertThat(scrape).contains("process_uptime_seconds").contains("process_cpu_usage")
                    .contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads")
                    .contains("jvm_classes_loaded_classes").contains("jvm_gc_");
            if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                assertThat(scrape).contains("process_files_open_files");
            }
        }
    }
}
