package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The monitoring files (monitoring/): the Grafana dashboard is sound JSON on the provisioned data
 * source, the compose profile mounts what exists, and Prometheus' promtool accepts the config and
 * the alert rules and passes their unit tests (when promtool is installed).
 */
class MonitoringFilesTest {

    static Path root() {
        return Files.exists(Path.of("..", "monitoring")) ? Path.of("..") : Path.of(".");
    }

    static JsonNode dashboard() throws Exception {
        return Json.mapper().readTree(Files.readString(root().resolve("monitoring/grafana/dashboards/filmwire.json")));
    }

    /** Every PromQL expression of the dashboard and the alert rules. */
    static List<String> expressions() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            panel.path("targets").forEach(t -> out.add(t.path("expr").asText()));
        }
        Map<String, Object> rules = new Yaml().load(Files.readString(root().resolve("monitoring/prometheus/alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                out.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
            }
        }
        return out;
    }

    /** The metric families the expressions read (a histogram's _bucket, _sum or _count as the family). */
    static Set<String> families() throws Exception {
        Set<String> names = new HashSet<>();
        Pattern metric = Pattern.compile("\\b((?:filmwire|jvm|process|system)_[a-z_]+)\\b");
        for (String expr : expressions()) {
            Matcher m = metric.matcher(expr);
            while (m.find()) {
                names.add(m.group(1).replaceAll("_(bucket|sum|count)$", ""));
            }
        }
        return names;
    }

    @Test
    void theDashboardIsSoundAndReadsTheProvisionedPrometheus() throws Exception {
        JsonNode d = dashboard();
        assertThat(d.path("uid").asText()).isEqualTo("filmwire");
        assertThat(d.path("title").asText()).isNotBlank();
        Map<String, Object> sources = new Yaml().load(Files.readString(
                root().resolve("monitoring/grafana/provisioning/datasources/prometheus.yml")));
        String uid = String.valueOf(((Map<?, ?>) ((List<?>) sources.get("datasources")).get(0)).get("uid"));
        Set<Integer> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        assertThat(d.path("panels").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode panel : d.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("panel id of " + title + " is unique").isTrue();
            assertThat(titles.add(title)).as("panel title " + title + " is unique").isTrue();
            JsonNode pos = panel.path("gridPos");
            assertThat(pos.path("x").asInt() + pos.path("w").asInt()).as(title + " fits the 24 columns").isLessThanOrEqualTo(24);
            assertThat(pos.path("h").asInt()).as(title).isPositive();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(uid);
            assertThat(panel.path("targets").size()).as(title + " has queries").isPositive();
            for (JsonNode t : panel.path("targets")) {
                assertThat(t.path("datasource").path("uid").asText()).as(title).isEqualTo(uid);
                String expr = t.path("expr").asText();
                assertThat(expr).as(title).isNotBlank();
                assertThat(expr.chars().filter(c -> c == '(').count()).as(title + ": balanced parentheses")
                        .isEqualTo(expr.chars().filter(c -> c == ')').count());
            }
        }
        assertThat(families()).contains("filmwire_consumer_lag_seconds", "filmwire_dead_letters_total",
                "filmwire_publish_latency_seconds", "filmwire_enrich_page_analysis_seconds", "filmwire_streams_running");
    }

    @Test
    void theMonitoringProfileMountsTheFilesOfTheRepositoryOnLoopbackPorts() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(root().resolve("docker-compose.yml")));
        Map<?, ?> services = (Map<?, ?>) compose.get("services");
        for (String name : List.of("prometheus", "grafana")) {
            Map<?, ?> service = (Map<?, ?>) services.get(name);
            assertThat(service).as(name).isNotNull();
            assertThat(String.valueOf(service.get("profiles"))).as(name).isEqualTo("[monitoring]");
            for (Object port : (List<?>) service.get("ports")) {
                assertThat(String.valueOf(port)).as(name + " listens on loopback only").startsWith("127.0.0.1:");
            }
            for (Object volume : (List<?>) service.get("volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(root().resolve(source)).as(name + " mounts " + source).exists();
                }
            }
        }
        Map<String, Object> prometheus = new Yaml().load(Files.readString(root().resolve("monitoring/prometheus/prometheus.yml")));
        String scraped = String.valueOf(prometheus.get("scrape_configs"));
        for (String service : List.of("ingest-service", "enrich-streams", "publish-service")) {
            assertThat(scraped).contains(service);
            assertThat(services.containsKey(service)).isTrue();
        }
    }

    @Test
    void promtoolAcceptsTheConfigAndTheRulesAndTheRulesPassTheirTests() throws Exception {
        Path promtool = MetricsIT.promtool();
        assumeTrue(promtool != null, "promtool is not installed (Debian: apt-get install prometheus; .ci/run does it):"
                + " the rules are not checked here");
        Path dir = root().resolve("monitoring/prometheus");
        assertThat(run(dir, promtool.toString(), "check", "rules", "alerts.yml")).contains("SUCCESS: 4 rules found");
        assertThat(run(dir, promtool.toString(), "check", "config", "--syntax-only", "prometheus.yml")).contains("SUCCESS");
        assertThat(run(dir, promtool.toString(), "test", "rules", "alerts_test.yml")).contains("SUCCESS");
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
