package io.filmwire.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsRecoveryTest {

    private static final ConfigDef DEF = StreamsRecovery.define(new ConfigDef(), "app.", "the app");

    @TempDir
    Path stateDir;

    private static StreamsRecovery parse(Map<String, String> values) {
        return StreamsRecovery.from(new AbstractConfig(DEF, values, false), "app.");
    }

    @Test
    void aDerivedInstanceIdIsKeptInTheStateDirectoryAndReusedByTheNextStart() {
        StreamsRecovery recovery = parse(Map.of());
        Map<String, Object> first = new HashMap<>();
        recovery.apply(first, stateDir, "filmwire-app");
        Object id = first.get("main.consumer.group.instance.id");
        assertThat(id).asString().startsWith("filmwire-app-");
        assertThat(stateDir.resolve("filmwire-app.instance-id")).exists();

        Map<String, Object> again = new HashMap<>();
        parse(Map.of()).apply(again, stateDir, "filmwire-app");
        assertThat(again.get("main.consumer.group.instance.id")).as("same state directory, same member").isEqualTo(id);

        Map<String, Object> other = new HashMap<>();
        parse(Map.of()).apply(other, stateDir.resolve("elsewhere"), "filmwire-app");
        assertThat(other.get("main.consumer.group.instance.id")).as("another state directory, another member").isNotEqualTo(id);
    }

    @Test
    void theTimeoutsAndStandbysAreSetAndNoneTurnsStaticMembershipOff() {
        Map<String, Object> props = new HashMap<>();
        parse(Map.of("app.instance.id", "none", "app.session.timeout.ms", "12000", "app.standby.replicas", "1",
                "app.transaction.timeout.ms", "5000")).apply(props, stateDir, "filmwire-app");
        assertThat(props).doesNotContainKey("main.consumer.group.instance.id")
                .containsEntry("main.consumer.session.timeout.ms", 12000)
                .containsEntry("main.consumer.heartbeat.interval.ms", 3000)
                .containsEntry("num.standby.replicas", 1)
                .containsEntry("producer.transaction.timeout.ms", 5000);
        assertThat(stateDir.resolve("filmwire-app.instance-id")).doesNotExist();
    }

    @Test
    void anExplicitIdIsUsedAsGivenAndABadOneNamesTheKey() {
        Map<String, Object> props = new HashMap<>();
        parse(Map.of("app.instance.id", "enrich-a")).apply(props, stateDir, "filmwire-app");
        assertThat(props).containsEntry("main.consumer.group.instance.id", "enrich-a");
        assertThatThrownBy(() -> parse(Map.of("app.instance.id", "two words"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("app.instance.id");
        assertThatThrownBy(() -> parse(Map.of("app.session.timeout.ms", "1000"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("app.session.timeout.ms");
    }
}
