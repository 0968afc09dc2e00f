package io.palisade.processor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.processor.correlation.Correlations;
import io.palisade.rules.RuleEngine;
import io.palisade.rules.RuleMetadata;
import io.palisade.schema.Alert;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.HostEvent;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole processor as one Kafka Streams topology, built the same way for {@code main} and for tests.
 *
 * <p>Reads palisade.events.process, .file, .container, .stats and .host, and palisade.inventory.containers; writes
 * palisade.alerts and palisade.deadletter. Every input is read as raw bytes and decoded by {@link DecodeOrDeadLetter},
 * so an unreadable record becomes a dead letter with its coordinates and the stream goes on.
 *
 * <p>The stages, in order: the inventory tables ({@link InventoryStores}); enrichment of process, file and stats
 * events from the container inventory ({@link EnrichmentStage}); rule evaluation, one alert per finding keyed by its
 * deterministic id ({@link RuleEvaluator}); correlations ({@link Correlations}); and suppression of repeats into one counted
 * alert per id ({@link AlertSuppressor}): in the container's own task for alerts of one container, after a
 * repartition by alert id for the others, so that all repeats of one id meet in one task wherever they came from.
 */
public final class SecurityTopology {

    /**
     * How long the task that found repeats of an alert suppressed by id counts them before it sends the increment
     * through the repartition (or the emit interval, if shorter): the counts in palisade.alerts lag by this much more.
     */
    static final Duration REPEATS_COMBINED_FOR = Duration.ofSeconds(1);

    private SecurityTopology() {
    }

    /** The topology with its counters in a registry of its own, for tests and tools that do not read them. */
    public static Topology build(ProcessorConfig config, RuleEngine rules, Clock clock) {
        return build(config, rules, clock, new SimpleMeterRegistry());
    }

    /** The topology counting alerts and dead letters into {@code meters}. */
    public static Topology build(ProcessorConfig config, RuleEngine rules, Clock clock, MeterRegistry meters) {
        config.validated();
        TopologyMetrics metrics = new TopologyMetrics(meters);
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, ContainerEvent> containers = containerInventory(builder, clock, metrics);
        KStream<String, HostEvent> hostEvents = events(builder, Topics.HOST_EVENTS, clock, metrics);
        hostEvents.toTable(Named.as("host-inventory"), Materialized.<String, HostEvent>as(
                Stores.persistentTimestampedKeyValueStore(InventoryStores.HOSTS))
                .withKeySerde(Serdes.String()).withValueSerde(Topics.HOST_EVENTS.valueSerde()));

        KStream<String, EnrichedEvent> enriched = EnrichmentStage.attach(builder, containers,
                events(builder, Topics.PROCESS_EVENTS, clock, metrics), events(builder, Topics.FILE_EVENTS, clock, metrics),
                events(builder, Topics.CONTAINER_STATS, clock, metrics), config.enrichmentMaxWait(),
                config.enrichmentRetryInterval());
        KStream<String, ProcessEvent> enrichedProcesses = only(enriched, ProcessEvent.class, "enriched-processes");
        KStream<String, ContainerStats> enrichedStats = only(enriched, ContainerStats.class, "enriched-stats");

        // Container and host events carry their own container and posture: nothing to enrich them with.
        KStream<String, EnrichedEvent> selfContained = CoPartitioning.byContainer(
                        events(builder, Topics.CONTAINER_EVENTS, clock, metrics), ContainerEvent::getContainer,
                        Topics.CONTAINER_EVENTS.valueSerde(), "container-events")
                .mapValues(EnrichedEvent::asIs, Named.as("container-events-as-is"))
                .merge(hostEvents.mapValues(EnrichedEvent::asIs, Named.as("host-events-as-is")),
                        Named.as("self-contained-events"));
        KStream<String, Alert> ruleAlerts = enriched.merge(selfContained, Named.as("events-to-evaluate"))
                .process(() -> new RuleEvaluator(rules, new AlertFactory(config.alertWindow())),
                        Named.as("evaluate-rules"));

        // Correlation alerts are suppressed like rule alerts, so their repeats are counted the same way.
        KStream<String, Alert> alertsToSuppress = ruleAlerts.merge(Correlations.attach(builder, ruleAlerts,
                enrichedProcesses, enrichedStats, config.correlations()), Named.as("rule-and-correlation-alerts"));

        suppress(builder, alertsToSuppress, suppressedInPlace(rules), config)
                .peek((id, alert) -> metrics.alertWritten(alert), Named.as("count-alerts"))
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName("write-alerts"));
        return builder.build();
    }

    /**
     * Suppression in two places. An alert of a rule whose dedup key holds the container id, on an event of a container,
     * can only ever be repeated by events of that container, which {@link CoPartitioning} brings to one task: it is
     * suppressed there, in the task that found it. Every other alert (keys by host or file path, correlations) may be
     * repeated from any task, so it first goes through a repartition by alert id. Which way an alert goes depends on
     * its rule and on whether it has a container, both fixed by its id, so all repeats of one id meet in one store.
     *
     * <p>Before that repartition, the task that found an alert passes its first occurrence on at once and combines its
     * repeats into one increment a second ({@link AlertSuppressor.Updates#INCREMENT}): the same file written in a
     * loop would otherwise send every write's alert through the repartition topic, encoded, written and read back.
     */
    private static KStream<String, Alert> suppress(StreamsBuilder builder, KStream<String, Alert> alerts,
                                                   Set<String> containerScopedRules, ProcessorConfig config) {
        Map<String, KStream<String, Alert>> byScope = alerts.split(Named.as("alerts-"))
                .branch((id, alert) -> alert.getContainer() != null
                        && containerScopedRules.contains(alert.getRule().getId()), Branched.as("of-one-container"))
                .defaultBranch(Branched.as("of-any-task"));
        KStream<String, Alert> inPlace = suppressor(builder, byScope.get("alerts-of-one-container"),
                AlertSuppressor.LOCAL_STORE, AlertSuppressor.Updates.RUNNING_TOTAL, "suppress-in-place",
                config.suppressionEmitInterval(), config);
        KStream<String, Alert> regrouped = suppressor(builder, byScope.get("alerts-of-any-task"),
                AlertSuppressor.COMBINING_STORE, AlertSuppressor.Updates.INCREMENT, "combine-repeats",
                shorter(config.suppressionEmitInterval(), REPEATS_COMBINED_FOR), config)
                .repartition(Repartitioned.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName("alerts-by-id"));
        return inPlace.merge(suppressor(builder, regrouped, AlertSuppressor.STORE,
                        AlertSuppressor.Updates.RUNNING_TOTAL, "suppress", config.suppressionEmitInterval(), config),
                Named.as("suppressed-alerts"));
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static KStream<String, Alert> suppressor(StreamsBuilder builder, KStream<String, Alert> alerts,
                                                     String store, AlertSuppressor.Updates updates, String name,
                                                     Duration emitInterval, ProcessorConfig config) {
        // Cached: repeats of one alert within a commit interval update memory and reach RocksDB and the changelog
        // once, at the commit, instead of once per repeat.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                Serdes.String(), SuppressedAlert.serde()).withCachingEnabled());
        return alerts.process(() -> new AlertSuppressor(store, updates, config.alertWindow(), emitInterval,
                config.suppressionGrace()), Named.as(name), store);
    }

    /** The rules whose dedup key holds the container id: their alerts can be suppressed in the container's task. */
    private static Set<String> suppressedInPlace(RuleEngine rules) {
        return rules.rules().stream().filter(rule -> rule.dedupKey().paths().contains("container.id"))
                .map(RuleMetadata::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The container inventory table, materialized as {@link InventoryStores#CONTAINERS}; a tombstone (container
     * destroyed) deletes the container, an unreadable record is dead-lettered and leaves the table as it was.
     */
    private static KTable<String, ContainerEvent> containerInventory(StreamsBuilder builder, Clock clock,
                                                                     TopologyMetrics metrics) {
        return decode(builder, Topics.CONTAINER_INVENTORY, clock, metrics)
                .filter((key, decoded) -> !(decoded instanceof Decoded.Unreadable<ContainerEvent>),
                        Named.as("readable-inventory"))
                .mapValues(decoded -> decoded instanceof Decoded.Readable<ContainerEvent> r ? r.event() : null,
                        Named.as("inventory-records"))
                .toTable(Named.as("container-inventory"), Materialized.<String, ContainerEvent>as(
                        Stores.persistentTimestampedKeyValueStore(InventoryStores.CONTAINERS))
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.CONTAINER_INVENTORY.valueSerde())
                        // Held-back events are released on each change, so changes must not wait in a cache.
                        .withCachingDisabled());
    }

    private static <V> KStream<String, V> only(KStream<String, EnrichedEvent> enriched, Class<V> kind, String name) {
        return enriched.flatMapValues(e -> kind.isInstance(e.event()) ? List.of(kind.cast(e.event())) : List.<V>of(),
                Named.as(name));
    }

    private static String shortName(Topic<?, ?> topic) {
        return topic.name().substring(topic.name().indexOf('.') + 1).replace('.', '-');
    }

    private static <V> KStream<String, V> events(StreamsBuilder builder, Topic<String, V> topic, Clock clock,
                                                 TopologyMetrics metrics) {
        return decode(builder, topic, clock, metrics).flatMapValues(
                d -> d instanceof Decoded.Readable<V> r ? List.of(r.event()) : List.<V>of(),
                Named.as("readable-" + shortName(topic)));
    }

    /** Reads the topic as bytes and decodes it; unreadable records go to palisade.deadletter here. */
    private static <V> KStream<String, Decoded<V>> decode(StreamsBuilder builder, Topic<String, V> topic, Clock clock,
                                                          TopologyMetrics metrics) {
        String name = shortName(topic);
        KStream<String, Decoded<V>> decoded = builder
                .stream(topic.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-" + name))
                .processValues(() -> new DecodeOrDeadLetter<>(topic.valueSerde().deserializer(), clock),
                        Named.as("decode-" + name));
        decoded.flatMapValues(d -> d instanceof Decoded.Unreadable<V> u ? List.of(u.deadLetter()) : List.of(),
                        Named.as("dead-letters-" + name))
                .peek((key, letter) -> metrics.deadLettered(letter, TopologyMetrics.UNREADABLE),
                        Named.as("count-dead-letters-" + name))
                .selectKey((key, letter) -> letter.getSourceTopic(), Named.as("key-dead-letters-" + name))
                .to(Topics.DEAD_LETTERS.name(), Produced.with(Topics.DEAD_LETTERS.keySerde(),
                        Topics.DEAD_LETTERS.valueSerde()).withName("write-dead-letters-" + name));
        return decoded;
    }
}
