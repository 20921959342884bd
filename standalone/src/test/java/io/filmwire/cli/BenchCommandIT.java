package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --json} on the embedded broker, small: generated pages, no warm-up. What is asserted
 * is the contract of its last stdout line (every figure there and consistent with the others), not
 * a speed: speed is for the benchmark itself, run by hand.
 */
class BenchCommandIT {

    private static final List<String> FIGURES = List.of("parseOnlyPagesPerSec", "offlinePagesPerSec", "endToEndPagesPerSec",
            "latencyMsP50", "latencyMsP95", "latencyMsP99", "halfLoadLatencyMsP99", "peakHeapMb", "pages");

    @Test
    void printsEveryFigureOnItsLastLine() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            code = FilmwireCli.commandLine().execute("bench", "--generated", "--pages", "40", "--page-kb", "8",
                    "--half-load-pages", "10", "--warm-up-pages", "0", "--timeout", "120", "--json",
                    "--set", "enrich.threads=2");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String progress = stderr.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr:%n%s", progress).isZero();
        String[] lines = stdout.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode figures = Json.mapper().readTree(lines[lines.length - 1]);

        for (String figure : FIGURES) {
            assertThat(figures.path(figure).isNumber()).as("%s in %s", figure, figures).isTrue();
        }
        assertThat(figures.get("pages").asInt()).isEqualTo(40);
        assertThat(figures.get("enrichThreads").asInt()).isEqualTo(2);
        assertThat(figures.get("warmUpPages").asInt()).isZero();
        double parse = figures.get("parseOnlyPagesPerSec").asDouble();
        double offline = figures.get("offlinePagesPerSec").asDouble();
        double endToEnd = figures.get("endToEndPagesPerSec").asDouble();
        // measured before and after end to end; the rate set against it lies between the two
        double before = figures.get("offlineBeforePagesPerSec").asDouble();
        double after = figures.get("offlineAfterPagesPerSec").asDouble();
        assertThat(offline).isBetween(Math.min(before, after) - 0.1, Math.max(before, after) + 0.1);
        // a parse is part of the analysis, so it cannot be the slower of the two
        assertThat(parse).isGreaterThan(offline);
        assertThat(offline).isPositive();
        assertThat(endToEnd).isPositive();
        assertThat(figures.get("endToEndOverOffline").asDouble()).isCloseTo(endToEnd / offline,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(figures.get("latencyMsP50").asDouble()).isPositive()
                .isLessThanOrEqualTo(figures.get("latencyMsP95").asDouble());
        assertThat(figures.get("latencyMsP95").asDouble()).isLessThanOrEqualTo(figures.get("latencyMsP99").asDouble());
        assertThat(figures.get("halfLoadLatencyMsP99").asDouble()).isPositive();
        assertThat(figures.get("peakHeapMb").asLong()).isPositive()
                .isLessThanOrEqualTo(figures.get("maxHeapMb").asLong());
        assertThat(figures.get("completed").asInt()).isGreaterThanOrEqualTo((int) (figures.get("expected").asInt() * 0.7));
        assertThat(figures.get("endToEndJitSeconds").asDouble()).isNotNegative();
        assertThat(figures.get("endToEndCpuSeconds").asDouble()).isPositive()
                .isGreaterThanOrEqualTo(figures.get("endToEndJitSeconds").asDouble() * 0.5);
        // progress went to stderr, phase by phase
        assertThat(progress).contains("bench: parse only, one thread:", "bench: end to end:", "bench: half load:");
    }
}
