package io.palisade.schema.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records in Avro single-object encoding: a two-byte marker, the writer schema's CRC-64-AVRO fingerprint and
 * the binary body. The fingerprint is what lets a reader on a newer schema find the writer schema in
 * {@link SchemaHistory} without a schema registry. A {@code null} record is written as {@code null} (a tombstone).
 *
 * @param <T> the record type written
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final String recordName;
    private final BinaryMessageEncoder<T> encoder;

    private AvroSerializer(SpecificData model, Schema schema) {
        this.recordName = schema.getName();
        this.encoder = new BinaryMessageEncoder<>(model, schema);
    }

    /** A serializer writing the current schema of a generated record class. */
    public static <T extends SpecificRecord> AvroSerializer<T> forType(Class<T> type) {
        TrustedRecords.install();
        SpecificData model = SpecificData.getForClass(type);
        return new AvroSerializer<>(model, model.getSchema(type));
    }

    /** @throws SerializationException when the record cannot be encoded, e.g. a required field is null */
    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer encoded = encoder.encode(data);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + recordName + " for " + topic + ": " + e.getMessage(), e);
        }
    }
}
