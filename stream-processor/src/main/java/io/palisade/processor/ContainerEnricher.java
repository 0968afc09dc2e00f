package io.palisade.processor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.palisade.processor.support.RecentlyUsed;
import io.palisade.schema.Container;
import io.palisade.schema.ContainerEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills each process, file and stats event of a container with the container's identity and posture from the
 * inventory table ({@link InventoryStores#CONTAINERS}, from palisade.inventory.containers).
 *
 * <p>An event can overtake its container's inventory record (a process starts the moment its container does, and the
 * two come from different collector sources). Rather than raise an alert without the container's name, image and
 * posture, such an event is held back in the changelogged {@value #PENDING_STORE} store and released as soon as the
 * inventory record arrives; a wall-clock punctuator gives up after the configured wait and lets the event through
 * unenriched, marked and counted, so nothing waits forever or is lost. Wall clock rather than stream time because the
 * wait is about delivery latency, not event time: stream time stops when a partition goes quiet, and the last
 * held-back event would then never go.
 *
 * <p>Input is keyed by container id (host events by host id), co-partitioned with the inventory topic.
 */
final class ContainerEnricher implements Processor<String, EnrichmentInput, String, EnrichedEvent> {

    static final String PENDING_STORE = "palisade-enrichment-pending";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEnricher.class);

    /** Decoded inventory records kept per task: a fleet's busiest containers, not every container ever seen. */
    static final int CACHED_CONTAINERS = 2_048;

    private final Duration maxWait;
    private final Duration retryInterval;
    /**
     * The inventory records of recently enriched containers, decoded. Every event of a container would otherwise read
     * and decode its inventory record (the largest record Palisade has) from the store; every change of the table
     * reaches this processor as {@link EnrichmentInput.InventoryChanged} first, which evicts the entry.
     */
    private final Map<String, ContainerEvent> recentInventory = new RecentlyUsed<>(CACHED_CONTAINERS);
    private ProcessorContext<String, EnrichedEvent> context;
    private TimestampedKeyValueStore<String, ContainerEvent> inventory;
    private KeyValueStore<String, PendingEvent> pending;
    private Sensor timeouts;

    ContainerEnricher(Duration maxWait, Duration retryInterval) {
        this.maxWait = maxWait;
        this.retryInterval = retryInterval;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedEvent> context) {
        this.context = context;
        this.inventory = context.getStateStore(InventoryStores.CONTAINERS);
        this.pending = context.getStateStore(PENDING_STORE);
        String task = context.taskId().toString();
        timeouts = context.metrics().addSensor("enrichment-timeouts-" + task, Sensor.RecordingLevel.INFO);
        timeouts.add(new MetricName("enrichment-inventory-missing-total", "palisade-processor",
                "Events evaluated without their container's inventory record after the wait ran out",
                Map.of("task-id", task)), new CumulativeCount());
        context.schedule(retryInterval, PunctuationType.WALL_CLOCK_TIME, this::retry);
    }

    @Override
    public void process(Record<String, EnrichmentInput> record) {
        switch (record.value()) {
            case EnrichmentInput.InventoryChanged changed -> {
                recentInventory.remove(record.key());
                release(record.key());
            }
            case EnrichmentInput.Event(var event) -> {
                Container container = ContainerScopedEvents.containerOf(event);
                if (container == null) {
                    context.forward(record.withValue(EnrichedEvent.asIs(event)));
                    return;
                }
                ContainerEvent known = known(container.getId());
                if (known != null) {
                    context.forward(record.withKey(container.getId()).withValue(enriched(event, known)));
                } else {
                    hold(container.getId(), event, record.timestamp());
                }
            }
        }
    }

    private void hold(String containerId, SpecificRecord event, long timestamp) {
        long now = context.currentSystemTimeMs();
        var source = context.recordMetadata().orElseThrow();
        // Unique, and ordered by arrival within one container: the prefix scan on release keeps the events' order.
        String key = containerId + '/' + String.format("%019d", now) + '/' + source.topic() + '/'
                + source.partition() + '/' + source.offset();
        pending.put(key, new PendingEvent(event, timestamp, now));
    }

    private void release(String containerId) {
        ContainerEvent known = known(containerId);
        if (known == null) {
            return;
        }
        List<KeyValue<String, PendingEvent>> held = new ArrayList<>();
        try (KeyValueIterator<String, PendingEvent> it = pending.prefixScan(containerId + '/', new StringSerializer())) {
            it.forEachRemaining(held::add);
        }
        forward(containerId, held, known);
    }

    private void forward(String containerId, List<KeyValue<String, PendingEvent>> held, ContainerEvent known) {
        for (KeyValue<String, PendingEvent> entry : held) {
            pending.delete(entry.key);
            context.forward(new Record<>(containerId, enriched(entry.value.event(), known), entry.value.timestamp()));
        }
    }

    /** One pass over the held events, grouped by container (their keys start with its id), each looked up once. */
    private void retry(long now) {
        Map<String, List<KeyValue<String, PendingEvent>>> byContainer = new LinkedHashMap<>();
        try (KeyValueIterator<String, PendingEvent> it = pending.all()) {
            it.forEachRemaining(entry -> byContainer.computeIfAbsent(entry.key.substring(0, entry.key.indexOf('/')),
                    id -> new ArrayList<>()).add(entry));
        }
        byContainer.forEach((containerId, held) -> {
            ContainerEvent known = known(containerId);
            if (known != null) {
                forward(containerId, held, known);
            } else {
                held.stream().filter(entry -> now - entry.value.heldSinceMs() >= maxWait.toMillis())
                        .forEach(entry -> giveUp(containerId, entry, now));
            }
        });
    }

    private void giveUp(String containerId, KeyValue<String, PendingEvent> entry, long now) {
        pending.delete(entry.key);
        timeouts.record();
        LOG.atInfo().addKeyValue("container_id", containerId)
                .addKeyValue("waited_ms", now - entry.value.heldSinceMs())
                .log("container not in the inventory after the wait; evaluating the event without it");
        context.forward(new Record<>(containerId,
                new EnrichedEvent(entry.value.event(), Optional.empty(), true), entry.value.timestamp()));
    }

    private ContainerEvent known(String containerId) {
        ContainerEvent cached = recentInventory.get(containerId);
        if (cached != null) {
            return cached;
        }
        ValueAndTimestamp<ContainerEvent> value = inventory.get(containerId);
        if (value == null) {
            return null;
        }
        recentInventory.put(containerId, value.value());
        return value.value();
    }

    private static EnrichedEvent enriched(SpecificRecord event, ContainerEvent known) {
        return new EnrichedEvent(ContainerScopedEvents.withContainer(event, known),
                Optional.ofNullable(known.getPosture()), false);
    }

    @Override
    public void close() {
        context.metrics().removeSensor(timeouts);
    }
}
