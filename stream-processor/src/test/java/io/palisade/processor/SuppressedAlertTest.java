package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.palisade.schema.Alert;
import io.palisade.schema.Samples;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The stored state reads back as written, also after repeats merged into it since it was first stored. */
class SuppressedAlertTest {

    private final Serde<SuppressedAlert> serde = SuppressedAlert.serde();

    @Test
    void aMergedStateReadsBackWithItsCountSeenTimesEvidenceAndEmittedCount() {
        Alert first = Alert.newBuilder(Samples.alert()).setCount(1).setEvidenceEventIds(List.of("e-1")).build();
        SuppressedAlert state = serde.deserializer().deserialize("t",
                serde.serializer().serialize("t", new SuppressedAlert(first, 0).emitted()));
        Alert repeat = Alert.newBuilder(first).setFirstSeen(first.getFirstSeen().minusSeconds(5))
                .setLastSeen(first.getLastSeen().plusSeconds(7)).setEvidenceEventIds(List.of("e-2")).build();

        AlertMerge.into(state.alert(), repeat);
        byte[] stored = serde.serializer().serialize("t", state);
        SuppressedAlert read = serde.deserializer().deserialize("t", stored);

        assertThat(read.emittedCount()).isEqualTo(1);
        assertThat(read.hasNews()).isTrue();
        assertThat(read.alert()).isEqualTo(Alert.newBuilder(first).setCount(2)
                .setFirstSeen(repeat.getFirstSeen()).setLastSeen(repeat.getLastSeen())
                .setEvidenceEventIds(List.of("e-1", "e-2")).build());
    }
}
