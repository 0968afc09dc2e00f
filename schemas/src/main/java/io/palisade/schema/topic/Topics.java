package io.palisade.schema.topic;

import java.time.Duration;
import java.util.List;

import io.palisade.schema.Alert;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.FileEvent;
import io.palisade.schema.HostEvent;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic Palisade uses; the only place a topic name is written.
 *
 * <p>Keys are strings. Events are keyed by {@code container.id} when they concern a container and by {@code host.id}
 * otherwise, the key the inventory table has, so the stream processor joins them without repartitioning; for the
 * same reason every topic keyed that way has {@value #PARTITIONS} partitions (Kafka Streams joins need co-partitioned
 * inputs).
 */
public final class Topics {

    /** Partition count of every topic keyed by container or host id. */
    public static final int PARTITIONS = 6;

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<ContainerEvent> CONTAINER_EVENT_VALUES = AvroSerdes.of(ContainerEvent.class);

    /** Process exec, fork and exit, from the collectors. */
    public static final Topic<String, ProcessEvent> PROCESS_EVENTS = new Topic<>("palisade.events.process",
            KEYS, AvroSerdes.of(ProcessEvent.class), PARTITIONS, Cleanup.retain(Duration.ofDays(7)));

    /** Changes to watched files, from the collectors. */
    public static final Topic<String, FileEvent> FILE_EVENTS = new Topic<>("palisade.events.file",
            KEYS, AvroSerdes.of(FileEvent.class), PARTITIONS, Cleanup.retain(Duration.ofDays(7)));

    /** Container lifecycle events, from the collectors. */
    public static final Topic<String, ContainerEvent> CONTAINER_EVENTS = new Topic<>("palisade.events.container",
            KEYS, CONTAINER_EVENT_VALUES, PARTITIONS, Cleanup.retain(Duration.ofDays(7)));

    /** Resource samples of containers and hosts; the largest stream and the least valuable once old. */
    public static final Topic<String, ContainerStats> CONTAINER_STATS = new Topic<>("palisade.events.stats",
            KEYS, AvroSerdes.of(ContainerStats.class), PARTITIONS, Cleanup.retain(Duration.ofDays(2)));

    /** Collector heartbeats with host and Docker daemon posture, keyed by host id. */
    public static final Topic<String, HostEvent> HOST_EVENTS = new Topic<>("palisade.events.host",
            KEYS, AvroSerdes.of(HostEvent.class), PARTITIONS, Cleanup.retain(Duration.ofDays(7)));

    /**
     * Latest known state of every container, keyed by container id, compacted so it never loses a live container;
     * the collector writes a {@code null} value when a container is destroyed. The stream processor reads it as a
     * KTable.
     */
    public static final Topic<String, ContainerEvent> CONTAINER_INVENTORY = new Topic<>(
            "palisade.inventory.containers", KEYS, CONTAINER_EVENT_VALUES, PARTITIONS, Cleanup.compact());

    /** Alerts from the stream processor, keyed by alert id; anyone may subscribe. */
    public static final Topic<String, Alert> ALERTS = new Topic<>("palisade.alerts",
            KEYS, AvroSerdes.of(Alert.class), PARTITIONS, Cleanup.retain(Duration.ofDays(30)));

    /**
     * Records a process could not read or handle, keyed by their source topic name so each topic's failures stay in
     * order; one partition, because it is small and read by people.
     */
    public static final Topic<String, DeadLetter> DEAD_LETTERS = new Topic<>("palisade.deadletter",
            KEYS, AvroSerdes.of(DeadLetter.class), 1, Cleanup.retain(Duration.ofDays(30)));

    private static final List<Topic<?, ?>> ALL = List.of(PROCESS_EVENTS, FILE_EVENTS, CONTAINER_EVENTS, CONTAINER_STATS,
            HOST_EVENTS, CONTAINER_INVENTORY, ALERTS, DEAD_LETTERS);

    private Topics() {
    }

    /** Every Palisade topic, e.g. for {@link TopicCreator#ensure}. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }
}
