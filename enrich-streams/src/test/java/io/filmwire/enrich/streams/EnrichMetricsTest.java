package io.filmwire.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EnrichMetricsTest {

    @Test
    void pagesAreCountedByHowTheyCameInAndTheirAnalysisIsTimed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EnrichMetrics metrics = new EnrichMetrics(registry);
        metrics.received("file:/data/a.html");
        metrics.received("fetch");
        metrics.received("folder:/in/b.html");
        metrics.received("http");
        metrics.received("something-else:x");
        metrics.pageAnalyzed(3, TimeUnit.MILLISECONDS.toNanos(40));
        metrics.pageAnalyzed(0, TimeUnit.MILLISECONDS.toNanos(10));

        for (String source : new String[] {"file", "fetch", "folder", "http", "other"}) {
            assertThat(registry.get("filmwire.pages.received").tag("source", source).counter().count()).as(source)
                    .isEqualTo(1.0);
        }
        assertThat(registry.get("filmwire.pages.received").tag("source", "feed").counter().count()).isZero();
        assertThat(registry.get("filmwire.enrich.page.analysis").timer().count()).isEqualTo(2);
        assertThat(registry.get("filmwire.enrich.page.analysis").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50.0);
        assertThat(registry.get("filmwire.enrich.mentions").counter().count()).isEqualTo(3.0);
    }
}
