package io.palisade.schema.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object encoded records written with any schema version kept in {@link SchemaHistory}, resolving
 * them to the current schema, so a consumer built today reads what an older collector wrote.
 *
 * <p>Input comes from other machines and may be anything, so every way it can be wrong ends in one
 * {@link UnreadableRecordException}, and the body is proved well formed ({@link WellFormedBody}) before Avro decodes
 * it, so no length prefix can make Avro allocate more than the input's size. A {@code null} value is a Kafka tombstone
 * and reads as {@code null}.
 *
 * @param <T> the record type read
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private static final int HEADER_LENGTH = 10;
    private static final byte[] MARKER = {(byte) 0xC3, 0x01};

    private final String recordName;
    /** By CRC-64-AVRO fingerprint: each known writer schema, ready to check and to read data it wrote. */
    private final Map<Long, Writer<T>> writers = new HashMap<>();

    /**
     * @param model         how to build the records read (the record class's model, or generic data)
     * @param readerSchema  the schema records are resolved to
     * @param writerSchemas every older schema that may have written the data; the reader schema is added
     */
    AvroDeserializer(GenericData model, Schema readerSchema, Collection<Schema> writerSchemas) {
        this.recordName = readerSchema.getName();
        writerSchemas.forEach(writer -> addWriter(model, writer, readerSchema));
        addWriter(model, readerSchema, readerSchema);
    }

    @SuppressWarnings("unchecked")
    private void addWriter(GenericData model, Schema writer, Schema reader) {
        writers.put(SchemaNormalization.parsingFingerprint64(writer), new Writer<>(WellFormedBody.of(writer),
                (DatumReader<T>) model.createDatumReader(writer, reader)));
    }

    /** A writer schema's well-formedness walk, and a reader resolving its data to the reader schema. */
    private record Writer<T>(WellFormedBody body, DatumReader<T> reader) {
    }

    /** A deserializer of a generated record class that knows every version kept in its history. */
    public static <T extends SpecificRecord> AvroDeserializer<T> forType(Class<T> type) {
        TrustedRecords.install();
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        return new AvroDeserializer<>(model, schema, SchemaHistory.fromClasspath(schema.getName()));
    }

    /**
     * @return the record, or {@code null} for a {@code null} (tombstone) value
     * @throws UnreadableRecordException for any input that is not a readable record of this type
     */
    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH) {
            throw new UnreadableRecordException(
                    data.length + " bytes are too few for an Avro single-object header", OptionalLong.empty());
        }
        if (data[0] != MARKER[0] || data[1] != MARKER[1]) {
            throw new UnreadableRecordException(String.format(
                    "not Avro single-object encoded: starts 0x%02X 0x%02X instead of 0xC3 0x01", data[0], data[1]),
                    OptionalLong.empty());
        }
        long fingerprint = ByteBuffer.wrap(data, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        OptionalLong header = OptionalLong.of(fingerprint);
        Writer<T> writer = writers.get(fingerprint);
        if (writer == null) {
            throw new UnreadableRecordException(
                    "schema fingerprint is not a known version of " + recordName + " (wrong topic, or a newer writer)",
                    header);
        }
        try {
            writer.body().check(data, HEADER_LENGTH);
            // Read straight from the array: the message decoder would read it through a synchronized stream.
            return writer.reader().read(null,
                    DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH, null));
        } catch (WellFormedBody.Malformed e) {
            throw new UnreadableRecordException("malformed " + recordName + ": " + e.getMessage(), header);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableRecordException("cannot decode " + recordName + ": " + e, header, e);
        }
    }
}
