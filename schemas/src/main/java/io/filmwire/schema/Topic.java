package io.filmwire.schema;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values: the only way topic names are written in code.
 *
 * @param compacted whether the topic keeps only the latest value of each key
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    @Override
    public String toString() {
        return name;
    }
}
