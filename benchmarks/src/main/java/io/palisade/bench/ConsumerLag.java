package io.palisade.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group (a Kafka Streams application id) is behind the end of its input partitions. */
final class ConsumerLag {

    private final Admin admin;
    private final Collection<TopicPartition> partitions;

    ConsumerLag(Admin admin, Collection<TopicPartition> partitions) {
        this.admin = admin;
        this.partitions = partitions;
    }

    /** The sum over the partitions of end offset minus the group's committed offset (none committed: all). */
    long lag(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().mapToLong(e -> {
            OffsetAndMetadata at = committed.get(e.getKey());
            return e.getValue() - (at == null ? 0 : at.offset());
        }).sum();
    }

    /** All records on the partitions (they start at offset 0 on a fresh broker). */
    long records() throws ExecutionException, InterruptedException {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until the group is at most {@code records} behind (0: has committed everything), polling every 20 ms;
     * false when {@code timeout} passed.
     */
    boolean awaitAtMost(String group, long records, Duration timeout) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lag(group) <= records) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get();
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
