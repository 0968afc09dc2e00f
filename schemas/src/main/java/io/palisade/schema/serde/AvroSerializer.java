package io.palisade.schema.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records in Avro single-object encoding: a two-byte marker, the writer schema's CRC-64-AVRO fingerprint and
 * the binary body. The fingerprint is what lets a reader on a newer schema find the writer schema in
 * {@link SchemaHistory} without a schema registry. A {@code null} record is written as {@code null} (a tombstone).
 *
 * <p>Each thread encodes into a buffer of its own, kept between records, and the result is copied out once. Avro's
 * message encoder does the same but writes through a synchronized stream and copies twice; every alert and every
 * repartitioned event the processor writes pays for that.
 *
 * @param <T> the record type written
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final byte[] MARKER = {(byte) 0xC3, 0x01};
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);
    /** A buffer grown past this by one big record is not kept for the thread's next ones. */
    private static final int LARGEST_KEPT = 64 * 1024;

    private final String recordName;
    private final byte[] header;
    private final DatumWriter<T> writer;

    @SuppressWarnings("unchecked")
    private AvroSerializer(SpecificData model, Schema schema) {
        this.recordName = schema.getName();
        this.header = ByteBuffer.allocate(MARKER.length + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put(MARKER).putLong(SchemaNormalization.parsingFingerprint64(schema)).array();
        this.writer = (DatumWriter<T>) model.createDatumWriter(schema);
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
        Buffer buffer = BUFFERS.get();
        try {
            buffer.size = 0;
            buffer.write(header);
            buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer, buffer.encoder);
            writer.write(data, buffer.encoder);
            return Arrays.copyOf(buffer.bytes, buffer.size);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + recordName + " for " + topic + ": " + e.getMessage(), e);
        } finally {
            if (buffer.bytes.length > LARGEST_KEPT) {
                BUFFERS.remove();
            }
        }
    }

    /** A growable byte buffer without the locking of {@link java.io.ByteArrayOutputStream}, and its encoder. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[1024];
        private int size;
        private BinaryEncoder encoder;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
