package io.palisade.sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records polled but not yet written and committed. It is due when it is full or its oldest record has waited long
 * enough, so a trickle of alerts is written promptly and a flood in large bulks.
 */
final class Batch {

    private final int maxSize;
    private final long lingerNanos;
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    private long oldestAddedAt;

    Batch(int maxSize, Duration linger) {
        this.maxSize = maxSize;
        this.lingerNanos = linger.toNanos();
    }

    void add(ConsumerRecord<byte[], byte[]> record, long nowNanos) {
        if (records.isEmpty()) {
            oldestAddedAt = nowNanos;
        }
        records.add(record);
    }

    boolean isDue(long nowNanos) {
        return records.size() >= maxSize || (!records.isEmpty() && nowNanos - oldestAddedAt >= lingerNanos);
    }

    int size() {
        return records.size();
    }

    List<ConsumerRecord<byte[], byte[]>> records() {
        return List.copyOf(records);
    }

    /** The offsets to commit once every record is handled: one past the last record of each partition. */
    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return next;
    }

    /**
     * Forgets the records of partitions this consumer no longer owns: their new owner reads them again from the last
     * committed offset, and committing them from here would fail anyway.
     */
    void discard(Collection<TopicPartition> revoked) {
        records.removeIf(record -> revoked.contains(new TopicPartition(record.topic(), record.partition())));
    }

    void clear() {
        records.clear();
    }
}
