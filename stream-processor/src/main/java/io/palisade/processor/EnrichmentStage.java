package io.palisade.processor;

import java.time.Duration;
import java.util.Map;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.FileEvent;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires the enrichment of process, file and stats events from the container inventory table.
 *
 * <p>Partitioning: the inventory table is partitioned by container id, and collectors key events of a container by
 * its container id (host events by host id), on topics with the same partition count ({@link Topics#PARTITIONS}), so
 * an event and its container's inventory record land in the same task and are joined locally without copying the
 * busiest topics. A GlobalKTable would not need that contract, but its updates cannot release held-back events, and
 * its records cannot be dead-lettered inside the exactly-once transaction. Events that break the contract (keyed by
 * something else than their container id) are not joined against the wrong partition: they alone go through a
 * repartition topic keyed by container id, normally empty.
 */
final class EnrichmentStage {

    private EnrichmentStage() {
    }

    static KStream<String, EnrichedEvent> attach(StreamsBuilder builder, KTable<String, ContainerEvent> containers,
                                                 KStream<String, ProcessEvent> processes,
                                                 KStream<String, FileEvent> files,
                                                 KStream<String, ContainerStats> stats,
                                                 Duration maxWait, Duration retryInterval) {
        KStream<String, SpecificRecord> events = processes.<SpecificRecord>mapValues(e -> e, Named.as("process-events"))
                .merge(files.mapValues(e -> e, Named.as("file-events")), Named.as("process-and-file-events"))
                .merge(stats.mapValues(e -> e, Named.as("stats-events")), Named.as("container-scoped-events"));
        Map<String, KStream<String, SpecificRecord>> byKeying = events.split(Named.as("keyed-"))
                .branch(EnrichmentStage::keyedByItsContainer, Branched.as("by-container"))
                .defaultBranch(Branched.as("otherwise"));
        KStream<String, SpecificRecord> rekeyed = byKeying.get("keyed-otherwise")
                .selectKey((key, event) -> ContainerScopedEvents.containerOf(event).getId(), Named.as("key-by-container"))
                .repartition(Repartitioned.with(Serdes.String(), ContainerScopedEvents.serde())
                        .withName("events-by-container").withNumberOfPartitions(Topics.PARTITIONS));
        KStream<String, EnrichmentInput> inputs = byKeying.get("keyed-by-container")
                .merge(rekeyed, Named.as("co-partitioned-events"))
                .<EnrichmentInput>mapValues(EnrichmentInput.Event::new, Named.as("events-to-enrich"))
                .merge(containers.toStream(Named.as("inventory-changes"))
                        .mapValues(container -> new EnrichmentInput.InventoryChanged(), Named.as("inventory-changed")),
                        Named.as("enrichment-input"));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ContainerEnricher.PENDING_STORE), Serdes.String(), PendingEvent.serde()));
        return inputs.process(() -> new ContainerEnricher(maxWait, retryInterval), Named.as("enrich"),
                ContainerEnricher.PENDING_STORE, InventoryStores.CONTAINERS);
    }

    /** Host processes (no container) need no inventory, so any key will do for them. */
    private static boolean keyedByItsContainer(String key, SpecificRecord event) {
        Container container = ContainerScopedEvents.containerOf(event);
        return container == null || container.getId().equals(key);
    }
}
