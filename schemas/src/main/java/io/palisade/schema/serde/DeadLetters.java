package io.palisade.schema.serde;

import java.nio.ByteBuffer;
import java.time.Instant;

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
        DeadLetter.Builder letter = DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setSourceTimestamp(timestamp < 0 ? null : Instant.ofEpochMilli(timestamp))
                .setErrorClass(failure.getClass().getName())
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(failedAt);
        if (failure instanceof UnreadableRecordException unreadable) {
            letter.setReason(unreadable.reason());
            unreadable.fingerprint().ifPresent(letter::setSchemaFingerprint);
        } else {
            letter.setReason(String.valueOf(failure.getMessage()));
        }
        return letter.build();
    }
}
