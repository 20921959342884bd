package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What docker-compose.yml and the Dockerfile must say, read as files (no Docker needed): broker logs
 * on the brokers' volumes, replication 3 with at least 2 in sync, a state volume per enrich-streams
 * replica, tokens required, health checks, no token in the image.
 */
class ComposeFileTest {

    private static Path file(String name) {
        Path p = Path.of("..", name);
        return Files.exists(p) ? p : Path.of(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(file("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static String str(Object o) {
        return String.valueOf(o);
    }

    @Test
    void everyBrokerKeepsItsLogsOnItsVolumeWithReplicationThreeAndTwoInSync() throws Exception {
        Map<String, Object> services = services();
        List<String> brokers = services.keySet().stream().filter(n -> n.startsWith("kafka-")).toList();
        assertThat(brokers).hasSize(3);
        for (String name : brokers) {
            Map<String, Object> broker = map(services.get(name));
            Map<String, Object> env = map(broker.get("environment"));
            String logDirs = str(env.get("KAFKA_LOG_DIRS"));
            assertThat(list(broker.get("volumes"))).as(name + ": its log dir is where its named volume is mounted")
                    .contains(name + ":" + logDirs);
            assertThat(str(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).isEqualTo("3");
            assertThat(str(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"))).isEqualTo("3");
            assertThat(str(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"))).isEqualTo("3");
            assertThat(str(env.get("KAFKA_MIN_INSYNC_REPLICAS"))).isEqualTo("2");
            assertThat(str(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"))).isEqualTo("2");
            assertThat(broker).containsKey("healthcheck");
        }
    }

    @Test
    void theServicesReplicateThreeTimesNeedTokensAndAreChecked() throws Exception {
        Map<String, Object> services = services();
        for (String name : List.of("ingest-service", "enrich-streams", "publish-service")) {
            Map<String, Object> service = map(services.get(name));
            Map<String, Object> env = map(service.get("environment"));
            assertThat(str(env.get("FILMWIRE_TOPIC_REPLICATION_FACTOR"))).as(name).isEqualTo("3");
            assertThat(str(env.get("FILMWIRE_HTTP_AUTH_TOKENS"))).as(name + ": the tokens are required")
                    .startsWith("${FILMWIRE_HTTP_AUTH_TOKENS:?");
            assertThat(env).as(name + ": no token of the old kind").doesNotContainKey("FILMWIRE_INGEST_AUTH_TOKEN");
            String check = String.join(" ", list(map(service.get("healthcheck")).get("test")).stream().map(String::valueOf)
                    .toList());
            assertThat(check).as(name).contains("/ready").contains("8081");
        }
    }

    @Test
    void eachEnrichStreamsReplicaHasAStateVolumeOfItsOwn() throws Exception {
        Map<String, Object> services = services();
        Map<String, Object> enrich = map(services.get("enrich-streams"));
        assertThat(enrich).as("--scale needs replicas without fixed names or ports")
                .doesNotContainKeys("container_name", "ports", "hostname");
        List<Object> volumes = list(enrich.get("volumes"));
        assertThat(volumes).hasSize(1);
        assertThat(str(volumes.get(0))).as("an anonymous volume: one per replica, not one shared")
                .isEqualTo("/var/lib/filmwire").doesNotContain(":");
        for (Map.Entry<String, Object> other : services.entrySet()) {
            if (!other.getKey().equals("enrich-streams") && map(other.getValue()).get("volumes") != null) {
                assertThat(list(map(other.getValue()).get("volumes"))).as(other.getKey() + " shares no state with it")
                        .noneMatch(v -> str(v).startsWith("enrich"));
            }
        }
    }

    @Test
    void theImageListensOnAllAddressesOnlyWithTokensAndCarriesNone() throws Exception {
        String dockerfile = Files.readString(file("Dockerfile"));
        assertThat(dockerfile).contains("FILMWIRE_HTTP_HOST=0.0.0.0").contains("HEALTHCHECK").contains("USER filmwire");
        assertThat(dockerfile).doesNotContain("AUTH_TOKENS=").doesNotContain("INGEST_AUTH_TOKEN");
        assertThat(dockerfile).contains("EXPOSE 8080 8081");
    }
}
