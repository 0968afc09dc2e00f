package io.palisade.schema.topic;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with how its keys and values are encoded and how it is laid out, so producers, consumers,
 * the stream processor and the topic creator all agree by construction. The constants are in {@link Topics}.
 *
 * @param name       full topic name, starting with {@value #PREFIX}
 * @param keySerde   encoding of keys
 * @param valueSerde encoding of values
 * @param partitions partition count at creation
 * @param cleanup    retention or compaction
 * @param <K>        key type
 * @param <V>        value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Cleanup cleanup) {

    /** Every Palisade topic name starts with this, so ACLs and tooling can match them all. */
    public static final String PREFIX = "palisade.";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(cleanup, "cleanup");
        if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
            throw new IllegalArgumentException("topic name must start with " + PREFIX + ": " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1, not " + partitions);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
