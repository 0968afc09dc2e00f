package io.palisade.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import io.palisade.schema.FileEvent;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.compat.SchemaCompatibilityCheck;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

    private static final String TOPIC = "any";

    static List<SpecificRecord> samples() {
        return Samples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordTypeSurvivesItsSerde(SpecificRecord record) {
        Serde<SpecificRecord> serde = serdeOf(record);

        byte[] bytes = serde.serializer().serialize(TOPIC, record);

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesSingleObjectEncodingWithTheCurrentFingerprint(SpecificRecord record) {
        byte[] bytes = serdeOf(record).serializer().serialize(TOPIC, record);

        long fingerprint = SchemaNormalization.parsingFingerprint64(record.getSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        for (int i = 0; i < Long.BYTES; i++) {
            assertThat(bytes[2 + i]).as("fingerprint byte %d, little endian", i).isEqualTo((byte) (fingerprint >>> (8 * i)));
        }
    }

    @Test
    void recordsLargerThanTheEncodingBufferAndSmallOnesAfterThemSurvive() {
        Serde<ProcessEvent> serde = AvroSerdes.of(ProcessEvent.class);
        ProcessEvent small = Samples.processEvent();
        List<String> args = IntStream.range(0, 20_000).mapToObj(i -> "--argument-" + i).toList();
        // io.palisade.schema.Process in full: java.lang.Process has the short name.
        ProcessEvent large = ProcessEvent.newBuilder(small).setProcess(
                io.palisade.schema.Process.newBuilder(small.getProcess()).setArgs(args).build()).build();

        for (ProcessEvent event : List.of(small, large, small, large)) {
            byte[] bytes = serde.serializer().serialize(TOPIC, event);
            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
        }
    }

    @Test
    void samplesCoverEveryRecordTypeOnTheWire() {
        assertThat(samples()).extracting(Object::getClass)
                .containsExactlyElementsOf(SchemaCompatibilityCheck.RECORD_TYPES);
    }

    @Test
    void nullIsATombstoneBothWays() {
        Serde<ProcessEvent> serde = AvroSerdes.of(ProcessEvent.class);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void aRecordOfAnotherTypeIsUnreadableAndNamesItsFingerprint() {
        byte[] processEvent = AvroSerdes.of(ProcessEvent.class).serializer().serialize(TOPIC, Samples.processEvent());

        assertThatThrownBy(() -> AvroSerdes.of(FileEvent.class).deserializer().deserialize(TOPIC, processEvent))
                .isInstanceOfSatisfying(UnreadableRecordException.class, e -> {
                    assertThat(e.fingerprint()).hasValue(SchemaNormalization.parsingFingerprint64(ProcessEvent.getClassSchema()));
                    assertThat(e.reason()).contains("not a known version of FileEvent");
                });
    }

    @Test
    void anIncompleteRecordFailsToSerializeWithKafkasException() {
        ProcessEvent incomplete = Samples.processEvent();
        incomplete.put("host", null);

        assertThatThrownBy(() -> AvroSerdes.of(ProcessEvent.class).serializer().serialize(TOPIC, incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ProcessEvent");
    }

    @SuppressWarnings("unchecked")
    private static Serde<SpecificRecord> serdeOf(SpecificRecord record) {
        return AvroSerdes.of((Class<SpecificRecord>) record.getClass());
    }
}
