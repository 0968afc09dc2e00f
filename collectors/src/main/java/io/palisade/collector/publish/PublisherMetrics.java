package io.palisade.collector.publish;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What the publisher counts, for the collector's {@code /metrics}: events acknowledged, spooled and dropped per topic,
 * publish latency, spool depth, and errors per source. A handful of counters, no metrics library.
 */
public final class PublisherMetrics {

    private final Map<String, LongAdder> published = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> spooled = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> sourceErrors = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile LongSupplier spoolRecords = () -> 0;
    private volatile LongSupplier spoolBytes = () -> 0;

    public void published(String topic, Duration sendToAck) {
        count(published, topic);
        latency.observe(sendToAck);
    }

    public void spooled(String topic) {
        count(spooled, topic);
    }

    public void dropped(String topic) {
        count(dropped, topic);
    }

    public void sourceError(String source) {
        count(sourceErrors, source);
    }

    void spoolDepth(LongSupplier records, LongSupplier bytes) {
        this.spoolRecords = records;
        this.spoolBytes = bytes;
    }

    /** Events Kafka acknowledged, by topic. */
    public Map<String, Long> publishedByTopic() {
        return copy(published);
    }

    /** Events written to the disk spool because Kafka could not take them, by topic. */
    public Map<String, Long> spooledByTopic() {
        return copy(spooled);
    }

    /** Events given up on (spool full or unwritable), by topic. */
    public Map<String, Long> droppedByTopic() {
        return copy(dropped);
    }

    /** Errors sources reported, by source name. */
    public Map<String, Long> sourceErrorsBySource() {
        return copy(sourceErrors);
    }

    public LatencyHistogram.Snapshot latency() {
        return latency.snapshot();
    }

    public long spoolRecords() {
        return spoolRecords.getAsLong();
    }

    public long spoolBytes() {
        return spoolBytes.getAsLong();
    }

    /** Sum over every topic of {@link #droppedByTopic()}. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static void count(Map<String, LongAdder> counters, String name) {
        counters.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    private static Map<String, Long> copy(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((name, adder) -> copy.put(name, adder.sum()));
        return copy;
    }
}
