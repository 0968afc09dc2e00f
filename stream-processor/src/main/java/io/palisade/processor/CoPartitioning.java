package io.palisade.processor;

import java.util.Map;
import java.util.function.Function;

import io.palisade.schema.Container;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Makes sure that every event of a container reaches the task of its container id.
 *
 * <p>Collectors key a container's events by its container id (host events by host id) on topics with the same
 * partition count ({@link Topics#PARTITIONS}), so an event, its container's inventory record and every other event of
 * that container already land in the same task: the inventory join and the in-place suppression of a container's
 * alerts rely on it. An event keyed by anything else than its container id is not processed in the wrong task: it
 * alone goes through a repartition topic keyed by its container id, normally empty.
 */
final class CoPartitioning {

    private CoPartitioning() {
    }

    /**
     * The events, each keyed by its container's id; events of the host itself ({@code containerOf} null) keep their
     * key.
     */
    static <V> KStream<String, V> byContainer(KStream<String, V> events, Function<V, Container> containerOf,
                                              Serde<V> serde, String name) {
        Map<String, KStream<String, V>> byKeying = events.split(Named.as(name + "-keyed-"))
                .branch((key, event) -> keyedByItsContainer(key, containerOf.apply(event)),
                        Branched.as("by-container"))
                .defaultBranch(Branched.as("otherwise"));
        KStream<String, V> rekeyed = byKeying.get(name + "-keyed-otherwise")
                .selectKey((key, event) -> containerOf.apply(event).getId(), Named.as(name + "-key-by-container"))
                .repartition(Repartitioned.with(Serdes.String(), serde)
                        .withName(name + "-by-container").withNumberOfPartitions(Topics.PARTITIONS));
        return byKeying.get(name + "-keyed-by-container").merge(rekeyed, Named.as(name + "-co-partitioned"));
    }

    /** Host events (no container) need no container's task, so any key will do for them. */
    private static boolean keyedByItsContainer(String key, Container container) {
        return container == null || container.getId().equals(key);
    }
}
