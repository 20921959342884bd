package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test, small: the embedded broker, ingest-service, enrich-streams and publish-service
 * each in a child JVM, 60 distinct pages posted over HTTP, and kill -9 of each Streams instance
 * (restarted at once) during the load. No page lost, none in two films, no film record or change
 * event twice, no version skipped, and output came back after each kill.
 */
class CrashIT {

    @TempDir
    Path dataDir;

    @Test
    void killingEachStreamsInstanceLosesDuplicatesAndSkipsNothing() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        CrashRun.CrashReport report;
        try (PrintStream err = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            report = new CrashRun(new CrashRun.Options(60, 4 * 1024, 3, 2,
                    List.of(CrashRun.Kind.ENRICH, CrashRun.Kind.PUBLISH), Duration.ofSeconds(5), 0, dataDir,
                    Map.of("topic.partitions", "2"), Duration.ofSeconds(120)), err).run();
        }
        String table = report.table();
        assertThat(report.accepted()).as(table).isEqualTo(60);
        assertThat(report.lost()).as(table).isZero();
        assertThat(report.duplicateFilms()).as(table).isZero();
        assertThat(report.duplicateRecords()).as(table).isZero();
        assertThat(report.duplicateChanges()).as(table).isZero();
        assertThat(report.repeatChanges()).as(table).isZero();
        assertThat(report.skippedVersions()).as(table).isZero();
        assertThat(report.films()).as(table).isEqualTo(60);
        assertThat(report.faults()).as(progress.toString(StandardCharsets.UTF_8))
                .extracting(CrashRun.CrashReport.FaultResult::kind)
                .containsExactly(CrashRun.Kind.ENRICH, CrashRun.Kind.PUBLISH);
        assertThat(report.faults()).as(table).allSatisfy(f -> {
            assertThat(f.readyAfter()).as("the killed instance was ready again").isPositive();
            assertThat(f.firstOutput()).as("output came back after the kill").isGreaterThanOrEqualTo(0);
        });
    }
}
