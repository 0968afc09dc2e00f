package io.palisade.schema.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.OptionalLong;

import io.palisade.schema.DeadLetter;

/**
 * Builds the {@link DeadLetter} record for a record a process could not read or handle, so every process
 * dead-letters the same way: coordinates, reason, the schema fingerprint when the header was readable, and the raw
 * bytes for replay.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * @param timestamp the failed record's Kafka timestamp, or a negative value when it had none
     * @param key       the raw key bytes, or null
     * @param value     the raw value bytes, or null
     * @param failure   why it failed; an {@link UnreadableRecordException} contributes its reason and fingerprint
     */
    public static DeadLetter of(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                                Throwable failure, Instant failedAt) {
        if (failure instanceof UnreadableRecordException unreadable) {
            return of(topic, partition, offset, timestamp, key, value, unreadable.reason(),
                    failure.getClass().getName(), unreadable.fingerprint(), failedAt);
        }
        return of(topic, partition, offset, timestamp, key, value, String.valueOf(failure.getMessage()),
                failure.getClass().getName(), OptionalLong.empty(), failedAt);
    }

    /**
     * For failures reported by a peer rather than thrown, e.g. an Elasticsearch item error, whose {@code errorType}
     * is the peer's error type.
     */
    public static DeadLetter of(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                                String reason, String errorType, OptionalLong fingerprint, Instant failedAt) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setSourceTimestamp(timestamp < 0 ? null : Instant.ofEpochMilli(timestamp))
                .setReason(reason)
                .setErrorClass(errorType)
                .setSchemaFingerprint(fingerprint.isPresent() ? fingerprint.getAsLong() : null)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(failedAt)
                .build();
    }
}
