package io.palisade.processor;

import java.time.Duration;

import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.FileEvent;
import io.palisade.schema.ProcessEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires the enrichment of process, file and stats events from the container inventory table.
 *
 * <p>Partitioning: the inventory table is partitioned by container id, and {@link CoPartitioning} brings each event
 * to the task of its container id, so an event and its container's inventory record are joined locally without
 * copying the busiest topics. A GlobalKTable would not need that, but its updates cannot release held-back events,
 * and its records cannot be dead-lettered inside the exactly-once transaction.
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
        KStream<String, EnrichmentInput> inputs = CoPartitioning.byContainer(events,
                        ContainerScopedEvents::containerOf, ContainerScopedEvents.serde(), "events")
                .<EnrichmentInput>mapValues(EnrichmentInput.Event::new, Named.as("events-to-enrich"))
                .merge(containers.toStream(Named.as("inventory-changes"))
                        .mapValues(container -> new EnrichmentInput.InventoryChanged(), Named.as("inventory-changed")),
                        Named.as("enrichment-input"));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ContainerEnricher.PENDING_STORE), Serdes.String(), PendingEvent.serde()));
        return inputs.process(() -> new ContainerEnricher(maxWait, retryInterval), Named.as("enrich"),
                ContainerEnricher.PENDING_STORE, InventoryStores.CONTAINERS);
    }
}
