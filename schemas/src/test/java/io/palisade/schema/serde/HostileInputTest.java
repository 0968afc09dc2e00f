package io.palisade.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import io.palisade.schema.ProcessEvent;
import io.palisade.schema.Samples;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Whatever bytes arrive, the deserializer returns a record or throws {@link UnreadableRecordException}, never anything
 * else. Surefire runs this with a 256 MB heap, so a length prefix that made Avro allocate its claimed size would end
 * in OutOfMemoryError instead.
 */
class HostileInputTest {

    private static final String TOPIC = "any";
    private static final Deserializer<ProcessEvent> PROCESS_EVENTS = AvroDeserializer.forType(ProcessEvent.class);
    private static final byte[] VALID = AvroSerializer.forType(ProcessEvent.class).serialize(TOPIC, Samples.processEvent());
    private static final List<Long> KNOWN_FINGERPRINTS = SchemaHistory.fromClasspath("ProcessEvent").stream()
            .map(SchemaNormalization::parsingFingerprint64).toList();

    /** A string, bytes, array and map, in that order: each reachable by writing the ones before it empty. */
    private static final Schema LENGTH_PREFIXED = parse("/hostile/LengthPrefixed.avsc");
    private static final Deserializer<Object> LENGTH_PREFIXED_READER =
            new AvroDeserializer<>(GenericData.get(), LENGTH_PREFIXED, List.of());
    private static final byte[] LENGTH_PREFIXED_HEADER = header(SchemaNormalization.parsingFingerprint64(LENGTH_PREFIXED));

    @Property
    void arbitraryBytesAreReadOrRejectedWithTheTypedExceptionOnly(@ForAll @Size(max = 300) byte[] data) {
        assertReadOrRejected(PROCESS_EVENTS, data);
    }

    @Property
    void aRandomBodyBehindAKnownHeaderIsReadOrRejectedWithItsFingerprint(
            @ForAll("knownFingerprints") long fingerprint, @ForAll @Size(max = 300) byte[] body) {
        Throwable thrown = catchThrowable(() -> PROCESS_EVENTS.deserialize(TOPIC, concat(header(fingerprint), body)));

        if (thrown != null) {
            assertThat(thrown).isExactlyInstanceOf(UnreadableRecordException.class);
            assertThat(((UnreadableRecordException) thrown).fingerprint()).hasValue(fingerprint);
        }
    }

    @Property
    void aValidRecordWithCorruptedBytesIsReadOrRejectedWithTheTypedExceptionOnly(@ForAll("corrupted") byte[] data) {
        assertReadOrRejected(PROCESS_EVENTS, data);
    }

    @Property
    void aTruncatedRecordIsRejected(@ForAll("cuts") int length) {
        assertRejected(PROCESS_EVENTS, Arrays.copyOf(VALID, length));
    }

    @Property
    void aLengthOrCountLargerThanTheInputIsRejected(@ForAll("hugeLengthPrefixes") byte[] data) {
        assertRejected(LENGTH_PREFIXED_READER, data);
    }

    @Example
    void aOneGigabyteStringLengthIsRejectedBeforeAllocation() {
        byte[] data = concat(header(KNOWN_FINGERPRINTS.getFirst()), varint(1L << 30), new byte[] {'x'});

        assertThat(assertRejected(PROCESS_EVENTS, data).reason()).contains("exceeds the 1 bytes left");
    }

    @Example
    void aBadMarkerIsRejectedWithoutFingerprint() {
        byte[] data = VALID.clone();
        data[0] = 'O';

        assertThat(assertRejected(PROCESS_EVENTS, data).fingerprint()).isEmpty();
    }

    @Example
    void trailingBytesAreRejected() {
        assertThat(assertRejected(PROCESS_EVENTS, concat(VALID, new byte[] {0})).reason()).contains("left over");
    }

    @Provide
    Arbitrary<Long> knownFingerprints() {
        return Arbitraries.of(KNOWN_FINGERPRINTS);
    }

    @Provide
    Arbitrary<byte[]> corrupted() {
        Arbitrary<Integer> position = Arbitraries.integers().between(10, VALID.length - 1);
        return Combinators.combine(position, Arbitraries.bytes()).as((at, value) -> new int[] {at, value})
                .list().ofMinSize(1).ofMaxSize(6)
                .map(changes -> {
                    byte[] data = VALID.clone();
                    changes.forEach(change -> data[change[0]] = (byte) change[1]);
                    return data;
                });
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, VALID.length - 1);
    }

    /**
     * A header, then the fields before the chosen one written empty, then a length (or item count, or block size)
     * far beyond the few bytes that follow it.
     */
    @Provide
    Arbitrary<byte[]> hugeLengthPrefixes() {
        Arbitrary<Long> huge = Arbitraries.oneOf(
                Arbitraries.longs().between(1L << 20, Long.MAX_VALUE),
                Arbitraries.of(1L << 30, Integer.MAX_VALUE - 8L, (long) Integer.MAX_VALUE, Long.MAX_VALUE));
        Arbitrary<Integer> field = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 3);
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(field, shape, huge, tail).as((index, form, length, rest) -> {
            // strings and bytes (fields 0 and 1) have one length; arrays and maps also have blocks and items
            byte[] prefix = switch (index < 2 ? form % 2 : form) {
                case 0 -> varint(length);
                case 1 -> varint(-length); // negative: a bad string length, or a block of `length` items
                case 2 -> concat(varint(-1), varint(length)); // a one-item block claiming a huge byte size
                default -> concat(varint(1), varint(length)); // one item whose own length is huge
            };
            return concat(LENGTH_PREFIXED_HEADER, new byte[index], prefix, rest);
        });
    }

    private static void assertReadOrRejected(Deserializer<?> deserializer, byte[] data) {
        Throwable thrown = catchThrowable(() -> deserializer.deserialize(TOPIC, data));
        if (thrown != null) {
            assertThat(thrown).isExactlyInstanceOf(UnreadableRecordException.class);
        }
    }

    private static UnreadableRecordException assertRejected(Deserializer<?> deserializer, byte[] data) {
        Throwable thrown = catchThrowable(() -> deserializer.deserialize(TOPIC, data));
        assertThat(thrown).isExactlyInstanceOf(UnreadableRecordException.class);
        return (UnreadableRecordException) thrown;
    }

    private static byte[] header(long fingerprint) {
        return ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0xC3).put((byte) 0x01)
                .putLong(fingerprint).array();
    }

    /** Avro's zig-zag variable-length encoding of a long. */
    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Schema parse(String resource) {
        try (InputStream in = HostileInputTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
