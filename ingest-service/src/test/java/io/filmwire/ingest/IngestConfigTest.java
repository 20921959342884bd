package io.filmwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

    @TempDir
    Path dir;

    @Test
    void sourcesIntervalsAndLimitsComeFromTheFileAndTheEnvironment() throws Exception {
        Path file = dir.resolve("filmwire.properties");
        Files.writeString(file, """
                ingest.watch.dirs=/srv/drop, /srv/drop2
                ingest.feed.interval.ms=60000
                ingest.fetch.timeout.ms=5000
                ingest.fetch.allow.hosts=wiki.internal:8080
                """);
        Settings settings = Settings.load(file, Map.of(
                "FILMWIRE_INGEST_FEEDS", "https://news.example/rss,https://news.example/sitemap.xml",
                "FILMWIRE_INGEST_FETCH_PORTS", "80,443,8443"), Map.of());
        IngestConfig config = IngestConfig.from(settings, dir.resolve("state"));
        assertThat(config.watch().dirs()).containsExactly(Path.of("/srv/drop"), Path.of("/srv/drop2"));
        assertThat(config.feeds().urls()).containsExactly("https://news.example/rss", "https://news.example/sitemap.xml");
        assertThat(config.feeds().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.fetch().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.fetch().allowHosts()).containsExactly("wiki.internal:8080");
        assertThat(config.fetch().publicPorts()).containsExactly(80, 443, 8443);
        assertThat(config.stateDir()).isEqualTo(dir.resolve("state"));
    }

    @Test
    void theDefaultsTakeNothingAndRefuseNothingSilently() {
        IngestConfig config = IngestConfig.from(Settings.of(Map.of()));
        assertThat(config.watch().dirs()).isEmpty();
        assertThat(config.feeds().urls()).isEmpty();
        assertThat(config.fetch().allowHosts()).isEmpty();
        assertThat(config.fetch().publicPorts()).containsExactly(80, 443);
        assertThat(config.ackTimeout()).isGreaterThan(Duration.ofMillis(config.deliveryTimeoutMs()));
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of(IngestConfig.FEEDS, "news.example/rss"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.feeds").hasMessageContaining("http");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of(IngestConfig.FETCH_MAX_REDIRECTS, "99"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.fetch.max.redirects");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of(IngestConfig.FEED_INTERVAL_MS, "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.feed.interval.ms");
        assertThat(IngestConfig.from(Settings.of(Map.of(IngestConfig.FEEDS, " "))).feeds().urls()).isEqualTo(List.of());
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of("ingest.fetch.allow.private", "true"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.fetch.allow.hosts");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of(IngestConfig.FETCH_PORTS, "80,http"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.fetch.ports");
    }
}
