package io.filmwire.standalone;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.http.HttpConfig;
import io.filmwire.enrich.streams.EnrichConfig;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.publish.PublishConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/** Every setting of Filmwire with its default and documentation: the README's configuration table. */
public final class ConfigTable {

    private ConfigTable() {
    }

    /** The definitions, by the part that reads them. */
    public static Map<String, ConfigDef> definitions() {
        Map<String, ConfigDef> defs = new LinkedHashMap<>();
        defs.put("all", KafkaSettings.DEF);
        defs.put("standalone, services", StandaloneConfig.DEF);
        defs.put("services (HTTP)", HttpConfig.DEF);
        defs.put("ingest-service", IngestConfig.DEF);
        defs.put("enrich-streams", EnrichConfig.DEF);
        defs.put("publish-service", PublishConfig.DEF);
        return defs;
    }

    /** All keys. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        definitions().values().forEach(def -> keys.addAll(def.names()));
        return keys;
    }

    /** The Markdown table: key, environment variable, default, used by, meaning. */
    public static String markdown() {
        return markdown(definitions());
    }

    /** The Markdown table of {@code definitions} (the part that reads them -> their definitions). */
    public static String markdown(Map<String, ConfigDef> definitions) {
        StringBuilder out = new StringBuilder();
        out.append("| key | environment variable | default | used by | what it sets |\n");
        out.append("|---|---|---|---|---|\n");
        definitions.forEach((part, def) -> def.configKeys().values().forEach(key -> {
            Object value = key.defaultValue;
            String shown = value == null || value.toString().isEmpty() ? "" : "`" + value + "`";
            out.append("| `").append(key.name).append("` | `").append(Settings.keyToEnv(key.name)).append("` | ")
                    .append(shown).append(" | ").append(part).append(" | ").append(key.documentation.replace("|", "\\|"))
                    .append(" |\n");
        }));
        return out.toString();
    }
}
