package io.palisade.schema.serde;

import java.util.OptionalLong;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The one exception an {@link AvroDeserializer} throws: whatever was wrong with the bytes (not single-object encoded,
 * truncated, an unknown schema fingerprint, a length prefix larger than the input, an invalid union branch...), the
 * caller handles one type and has what it needs to dead-letter the record.
 *
 * <p>It extends Kafka's {@link SerializationException} rather than a plain {@code RuntimeException} because that is
 * the type Kafka itself treats as "this record cannot be deserialized": the consumer wraps it in a
 * {@code RecordDeserializationException} naming the partition and offset so the caller can skip past it, and Kafka
 * Streams hands it to its deserialization exception handler instead of failing the task.
 */
public final class UnreadableRecordException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final transient OptionalLong fingerprint;
    private final String reason;

    UnreadableRecordException(String reason, OptionalLong fingerprint, Throwable cause) {
        super(describe(reason, fingerprint), cause);
        this.reason = reason;
        this.fingerprint = fingerprint;
    }

    UnreadableRecordException(String reason, OptionalLong fingerprint) {
        this(reason, fingerprint, null);
    }

    /** The CRC-64-AVRO schema fingerprint from the record's header, when the header was readable. */
    public OptionalLong fingerprint() {
        return fingerprint;
    }

    /** Why the record could not be read, for a person (and for {@code DeadLetter.reason}). */
    public String reason() {
        return reason;
    }

    private static String describe(String reason, OptionalLong fingerprint) {
        return fingerprint.isPresent()
                ? reason + String.format(" (schema fingerprint %016x)", fingerprint.getAsLong())
                : reason;
    }
}
