package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.palisade.schema.Alert;
import io.palisade.schema.Samples;
import org.junit.jupiter.api.Test;

/** Merging into a suppressor's copy of an alert changes the copy only: the original also went to the correlations. */
class AlertMergeTest {

    @Test
    void repeatsMergedIntoACopyLeaveTheOriginalAsItWas() {
        Alert original = Alert.newBuilder(Samples.alert()).setCount(1).setEvidenceEventIds(List.of("e-1")).build();
        Alert unchanged = Alert.newBuilder(original).build();
        Alert repeat = Alert.newBuilder(original).setCount(3).setFirstSeen(original.getFirstSeen().minusSeconds(5))
                .setLastSeen(original.getLastSeen().plusSeconds(7)).setEvidenceEventIds(List.of("e-2")).build();

        Alert copy = AlertMerge.mergeableCopy(original);
        AlertMerge.into(copy, repeat);

        assertThat(original).isEqualTo(unchanged);
        assertThat(copy).isEqualTo(Alert.newBuilder(original).setCount(4).setFirstSeen(repeat.getFirstSeen())
                .setLastSeen(repeat.getLastSeen()).setEvidenceEventIds(List.of("e-1", "e-2")).build());
    }
}
