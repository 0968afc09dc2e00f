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
 * Records polled but not yet handed to the writer. It is due when it is full or its oldest record has waited long
 * enough, so a trickle of alerts is written promptly and a flood in large bulks.
 */
final class Batch {

    private final int maxSize;
    private final long lingerNanos;
    private final List<PolledRecord> records = new ArrayList<>();
    private long oldestAddedAt;

    Batch(int maxSize, Duration linger) {
        this.maxSize = maxSize;
        this.lingerNanos = linger.toNanos();
    }

    void add(PolledRecord record, long nowNanos) {
        if (records.isEmpty()) {
            oldestAddedAt = nowNanos;
        }
        records.add(record);
    }

    boolean isDue(long nowNanos) {
        return records.size() >= maxSize || (!records.isEmpty() && nowNanos - oldestAddedAt >= lingerNanos);
    }

    /**
     * Hands the records over for writing and starts an empty batch.
     *
     * @return the records, with the offsets to commit once every one of them is handled
     */
    Sealed seal() {
        Sealed sealed = new Sealed(List.copyOf(records), nextOffsets());
        records.clear();
        return sealed;
    }

    /** One past the last record of each partition. */
    private Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (PolledRecord record : records) {
            ConsumerRecord<byte[], byte[]> source = record.source();
            next.merge(new TopicPartition(source.topic(), source.partition()),
                    new OffsetAndMetadata(source.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return next;
    }

    /**
     * Forgets the records of partitions this consumer no longer owns: their new owner reads them again from the last
     * committed offset, and committing them from here would fail anyway.
     */
    void discard(Collection<TopicPartition> revoked) {
        records.removeIf(record -> revoked.contains(
                new TopicPartition(record.source().topic(), record.source().partition())));
    }

    /**
     * A batch taken out for writing.
     *
     * @param records     in the order they were polled
     * @param nextOffsets what to commit once all of them are written, skipped or dead-lettered
     */
    record Sealed(List<PolledRecord> records, Map<TopicPartition, OffsetAndMetadata> nextOffsets) {

        Sealed {
            records = List.copyOf(records);
            nextOffsets = Map.copyOf(nextOffsets);
        }
    }
}
