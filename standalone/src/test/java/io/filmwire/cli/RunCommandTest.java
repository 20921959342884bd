package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.ingest.IngestConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run --watch DIR --feed URL} becomes the intake settings of the standalone. */
class RunCommandTest {

    private static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    @Test
    void watchAndFeedOptionsAddToTheConfiguredSources() {
        RunCommand run = parse("--watch", "/srv/drop", "--watch", "/srv/more", "--feed", "https://news.example/rss",
                "--set", "ingest.feeds=https://news.example/atom", "--set", "ingest.feed.interval.ms=60000");
        IngestConfig intake = IngestConfig.from(run.settings());
        assertThat(intake.watch().dirs()).containsExactly(Path.of("/srv/drop"), Path.of("/srv/more"));
        assertThat(intake.feeds().urls()).containsExactly("https://news.example/atom", "https://news.example/rss");
        assertThat(intake.feeds().interval().toSeconds()).isEqualTo(60);
    }

    @Test
    void aPathWithTheListSeparatorIsRefusedClearly() {
        RunCommand run = parse("--watch", "/srv/a,b");
        assertThatThrownBy(run::settings).hasMessageContaining("comma").hasMessageContaining(IngestConfig.WATCH_DIRS);
    }
}
