package io.palisade.collector.publish;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.palisade.collector.spool.DiskSpool;

/**
 * What the publisher counts, in the collector's registry: events acknowledged, spooled and dropped per topic (and
 * why dropped), publish latency from send to acknowledgement, spool depth, and errors per source.
 */
public final class PublisherMetrics {

    /** Why an event was given up on: the {@code reason} of {@code palisade_collector_events_dropped_total}. */
    enum DropReason {
        SPOOL_FULL, SPOOL_UNWRITABLE, REJECTED_BY_KAFKA
    }

    private static final String PUBLISHED = "palisade.collector.events.published";
    private static final String SPOOLED = "palisade.collector.events.spooled";
    private static final String DROPPED = "palisade.collector.events.dropped";

    /** Buckets of the publish latency histogram, from a healthy local broker's milliseconds to an outage's minutes. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private final MeterRegistry registry;
    private final Timer latency;
    /** Per topic, looked up once: {@link #published} runs for every event the collector sends. */
    private final Map<String, Counter> publishedByTopic = new ConcurrentHashMap<>();

    PublisherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("palisade.collector.publish.latency")
                .description("Time from send to Kafka's acknowledgement").serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    void published(String topic, Duration sendToAck) {
        publishedByTopic.computeIfAbsent(topic, t -> counter(PUBLISHED, "Events Kafka acknowledged", "topic", t))
                .increment();
        latency.record(sendToAck);
    }

    void spooled(String topic) {
        counter(SPOOLED, "Events written to the disk spool while Kafka could not take them", "topic", topic)
                .increment();
    }

    /** Counts a dropped event; returns how many of this topic were dropped for this reason so far. */
    long dropped(String topic, DropReason reason) {
        Counter dropped = Counter.builder(DROPPED).description("Events given up on, by topic and reason")
                .tag("topic", topic).tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry);
        dropped.increment();
        return (long) dropped.count();
    }

    void sourceError(String source) {
        counter("palisade.collector.source.errors", "Errors reported by sources", "source", source).increment();
    }

    void spoolDepth(DiskSpool spool) {
        gauge("palisade.collector.spool.records", "Events waiting in the disk spool", spool, DiskSpool::records);
        gauge("palisade.collector.spool.bytes", "Bytes of events waiting in the disk spool", spool, DiskSpool::bytes);
    }

    /** Events written to the disk spool because Kafka could not take them, by topic. */
    public Map<String, Long> spooledByTopic() {
        return byTopic(SPOOLED);
    }

    /** Events given up on since start, every topic and reason together. */
    public long droppedTotal() {
        return byTopic(DROPPED).values().stream().mapToLong(Long::longValue).sum();
    }

    public long spoolRecords() {
        Gauge records = registry.find("palisade.collector.spool.records").gauge();
        return records == null ? 0 : (long) records.value();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    private <T> void gauge(String name, String description, T object, ToDoubleFunction<T> value) {
        Gauge.builder(name, object, value).description(description).register(registry);
    }

    private Map<String, Long> byTopic(String name) {
        Map<String, Long> counts = new TreeMap<>();
        registry.find(name).counters().forEach(counter ->
                counts.merge(counter.getId().getTag("topic"), (long) counter.count(), Long::sum));
        return counts;
    }
}
